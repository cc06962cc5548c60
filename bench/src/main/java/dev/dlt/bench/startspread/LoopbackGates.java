package dev.dlt.bench.startspread;

import dev.dlt.agent.gate.StartGate;
import dev.dlt.agent.gate.WorkerAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Real start gates, each on a loopback address of its own (127.x.y.z:50000, as the local cloud gives
 * workers); an address that cannot be bound (in use by another run, say) is skipped.
 */
final class LoopbackGates implements AutoCloseable {

    private static final int MAX_SKIPPED = 10_000;

    private final List<StartGate> gates = new ArrayList<>();
    private final List<WorkerAddress> addresses = new ArrayList<>();
    private int skipped;

    /** Opens {@code count} gates on addresses from 127.{firstOctet}.0.1 upwards. */
    static LoopbackGates open(int count, int firstOctet, String testId, String runId, byte[] secret, Clock clock) throws IOException {
        LoopbackGates opened = new LoopbackGates();
        int host = 1;
        while (opened.gates.size() < count) {
            if (opened.skipped > MAX_SKIPPED || firstOctet + (host >> 16) > 254) {
                opened.close();
                throw new IOException("could not bind " + count + " loopback addresses; " + opened.skipped + " in use");
            }
            String ip = "127." + (firstOctet + (host >> 16)) + "." + ((host >> 8) & 0xff) + "." + (host & 0xff);
            host++;
            if ((host & 0xff) == 0 || (host & 0xff) == 255) {
                continue; // keep clear of .0 and .255
            }
            StartGate gate = new StartGate(testId, runId, "w" + opened.gates.size(), secret, clock);
            try {
                InetSocketAddress bound = gate.open(new InetSocketAddress(ip, StartGate.DEFAULT_PORT));
                opened.gates.add(gate);
                opened.addresses.add(new WorkerAddress(bound.getHostString(), bound.getPort()));
            } catch (IOException inUse) {
                gate.close();
                opened.skipped++;
            }
        }
        return opened;
    }

    List<StartGate> gates() {
        return gates;
    }

    List<WorkerAddress> addresses() {
        return addresses;
    }

    int skipped() {
        return skipped;
    }

    @Override
    public void close() {
        gates.forEach(StartGate::close);
    }
}
