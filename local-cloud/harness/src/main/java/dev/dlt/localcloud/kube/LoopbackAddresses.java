package dev.dlt.localcloud.kube;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out distinct loopback addresses (127.0.x.y) so every local worker listens on its own
 * address and port 50000, as pods and tasks do on their own IPs. Linux routes all of 127.0.0.0/8
 * to the loopback interface, so nothing needs configuring.
 */
public final class LoopbackAddresses {

    /** Each pool spans 50 values of the third octet (12,500 addresses), so pools 50 apart never meet. */
    static final int BLOCKS = 50;
    /** The port every agent listens on; an address where it is taken is skipped. */
    static final int START_PORT = 50000;

    private static final int SIZE = BLOCKS * 250;

    private final int firstOctet;
    private final Deque<String> released = new ArrayDeque<>();
    // each pool starts at a random place of its range, so local clouds of other JVMs (tests, a second
    // ./dlt-local) rarely even probe the same addresses; the probe settles the rest
    private final int start = java.util.concurrent.ThreadLocalRandom.current().nextInt(SIZE);
    private int handedOut;

    /** @param secondOctetBase the third octet range starts here, keeping pools of different kinds apart */
    public LoopbackAddresses(int secondOctetBase) {
        this.firstOctet = secondOctetBase;
    }

    /** A fresh address while there are any, so that sockets an earlier agent left behind never meet a new one; then released ones. */
    public synchronized String allocate() {
        while (handedOut < SIZE) {
            int n = (start + handedOut++) % SIZE;
            String address = "127.0." + (firstOctet + n / 250) + "." + (n % 250 + 2);
            if (startPortFree(address)) {
                return address;
            }
        }
        while (!released.isEmpty()) {
            String address = released.poll();
            if (startPortFree(address)) {
                return address;
            }
        }
        throw new IllegalStateException("out of loopback addresses");
    }

    // another local cloud on this machine (a second test run, a benchmark) may be using the same addresses
    private static boolean startPortFree(String address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, START_PORT));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    public synchronized void release(String address) {
        released.add(address);
    }
}
