package dev.dlt.agent.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.layout.LeaderReport;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartGateTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(1);
    private static final LeaderSettings FAST = new LeaderSettings(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(300));

    private final Clock clock = Clock.systemUTC();
    private final List<StartGate> gates = new ArrayList<>();

    @AfterEach
    void closeGates() {
        gates.forEach(StartGate::close);
    }

    @Test
    void leaderStartsEveryWorkerAtTheSameInstant() throws Exception {
        List<WorkerAddress> addresses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            addresses.add(open("w" + i, SECRET));
        }

        LeaderReport report = leader(SECRET).start(addresses);

        assertThat(report.outcome()).isEqualTo(LeaderReport.STARTED);
        assertThat(report.workers()).hasSize(5).allSatisfy(ack -> assertThat(ack.acknowledged()).isTrue());
        assertThat(report.workers()).extracting(LeaderReport.Ack::workerId).containsExactly("w0", "w1", "w2", "w3", "w4");
        for (StartGate gate : gates) {
            StartSignal signal = gate.awaitSignal(Duration.ofSeconds(1)).orElseThrow();
            assertThat(signal.startAtMs()).isEqualTo(report.startAtMs());
            assertThat(signal.nonce()).isNotBlank();
        }
    }

    @Test
    void strayConnectionsAndForgeriesDoNotStartAWorker() throws Exception {
        WorkerAddress address = open("w", SECRET);
        // what DLT's workers started on
        try (Socket stray = new Socket(address.host(), address.port())) {
            stray.getOutputStream().write("start".getBytes(StandardCharsets.US_ASCII));
        }
        // a well-formed start message signed with the wrong secret
        send(address, new StartMessage("t", "r", "local", clock.millis() + 200, clock.millis(), "n1"),
                "another secret of 32 bytes......".getBytes(StandardCharsets.UTF_8));
        // a correctly signed message for another run
        send(address, new StartMessage("t", "other-run", "local", clock.millis() + 200, clock.millis(), "n2"), SECRET);
        // a replay of an old message
        send(address, new StartMessage("t", "r", "local", clock.millis() - 3_600_000, clock.millis(), "n3"), SECRET);

        assertThat(gates.getFirst().awaitSignal(Duration.ofMillis(500))).isEmpty();

        // and the gate still listens: the real leader gets through
        assertThat(leader(SECRET).start(List.of(address)).outcome()).isEqualTo(LeaderReport.STARTED);
        assertThat(gates.getFirst().awaitSignal(Duration.ofSeconds(1))).isPresent();
    }

    @Test
    void nobodyStartsWhenAWorkerIsUnreachable() throws Exception {
        WorkerAddress up = open("up", SECRET);
        WorkerAddress down = new WorkerAddress(nextHost(), StartGate.DEFAULT_PORT); // nothing listens here
        LeaderSettings impatient = new LeaderSettings(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMillis(200));

        LeaderReport report = new StartLeader("t", "r", "local", SECRET, impatient, clock).start(List.of(up, down));

        assertThat(report.outcome()).isEqualTo(LeaderReport.ABORTED);
        assertThat(report.message()).contains("1 of 2 workers not reachable").contains(down.toString());
        assertThat(report.workers()).filteredOn(a -> a.address().equals(down.toString()))
                .singleElement().satisfies(a -> assertThat(a.connectAttempts()).isGreaterThan(1));
        assertThat(gates.getFirst().awaitSignal(Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void leaderWaitsForAWorkerThatComesUpLate() throws Exception {
        WorkerAddress early = open("early", SECRET);
        String lateHost = nextHost();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1_000);
                StartGate late = new StartGate("t", "r", "late", SECRET, clock);
                gates.add(late);
                late.open(new InetSocketAddress(lateHost, StartGate.DEFAULT_PORT));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        LeaderReport report = leader(SECRET).start(List.of(early, new WorkerAddress(lateHost, StartGate.DEFAULT_PORT)));

        assertThat(report.outcome()).isEqualTo(LeaderReport.STARTED);
        assertThat(report.workers().get(1).connectAttempts()).isGreaterThan(1);
    }

    @Test
    void aRepeatedStartMessageIsAcknowledgedAgainButAnotherOneIsRefused() throws Exception {
        WorkerAddress address = open("w", SECRET);
        StartMessage start = new StartMessage("t", "r", "local", clock.millis() + 500, clock.millis(), "nonce-1");

        AckMessage first = send(address, start, SECRET).orElseThrow();
        AckMessage again = send(address, start, SECRET).orElseThrow();
        Optional<AckMessage> other = send(address, new StartMessage("t", "r", "local", clock.millis() + 900, clock.millis(), "nonce-2"), SECRET);

        assertThat(first.workerId()).isEqualTo("w");
        assertThat(again.receivedAtMs()).isEqualTo(first.receivedAtMs());
        assertThat(other).isEmpty();
        assertThat(gates.getFirst().awaitSignal(Duration.ofSeconds(1)).orElseThrow().nonce()).isEqualTo("nonce-1");
    }

    private StartLeader leader(byte[] secret) {
        return new StartLeader("t", "r", "local", secret, FAST, clock);
    }

    private WorkerAddress open(String workerId, byte[] secret) throws Exception {
        StartGate gate = new StartGate("t", "r", workerId, secret, clock);
        gates.add(gate);
        InetSocketAddress bound = gate.open(new InetSocketAddress(nextHost(), StartGate.DEFAULT_PORT));
        return new WorkerAddress(bound.getHostString(), bound.getPort());
    }

    /** Sends one start message the way the leader does; empty when the worker hung up instead of acknowledging. */
    private static Optional<AckMessage> send(WorkerAddress address, StartMessage message, byte[] secret) throws Exception {
        try (Socket socket = new Socket(address.host(), address.port())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            GateCodec.encode(GateFrame.START, message).writeTo(out, secret);
            try {
                return Optional.of(GateCodec.decode(GateFrame.readFrom(socket.getInputStream(), secret), GateFrame.ACK, AckMessage.class));
            } catch (GateFrame.Rejected hungUp) {
                return Optional.empty();
            }
        }
    }

    /** A loopback address of its own for each worker, as the local cloud gives them. */
    private static String nextHost() {
        int n = NEXT_HOST.getAndIncrement();
        return "127.0.77." + n;
    }
}
