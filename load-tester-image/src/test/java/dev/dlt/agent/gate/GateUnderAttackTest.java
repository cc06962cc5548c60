package dev.dlt.agent.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dlt.results.layout.LeaderReport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start gate under a slowloris: slow-drip and idle connections never keep the real leader out. */
class GateUnderAttackTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final LeaderSettings PATIENT = new LeaderSettings(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMillis(500));

    private final Clock clock = Clock.systemUTC();
    private StartGate gate;

    @AfterEach
    void closeGate() {
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    void theLeaderStartsAWorkerWhoseGateIsHeldBySlowAndIdleConnections() throws Exception {
        InetSocketAddress address = open(GateLimits.defaults());
        try (ConnectionFlood flood = new ConnectionFlood(address).slowDrips(200).idle(200)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> flood.connections() >= 400 && flood.drips() >= 400);

            assertStartsOnTime(address, flood);
        }
    }

    @Test
    void theOldestWaitingConnectionsAreShedSoTheLeaderGetsInWhenTheCapIsReached() throws Exception {
        // the old gate's cap: 64 slow connections used to lock it for good
        InetSocketAddress address = open(new GateLimits(Duration.ofSeconds(30), 64));
        try (ConnectionFlood flood = new ConnectionFlood(address).slowDrips(200).idle(200)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gate.shedConnections() >= 400 - 64 && flood.drips() >= 200);

            assertStartsOnTime(address, flood);
        }
    }

    @Test
    void aFrameIsCutOffAtItsDeadlineHoweverSteadilyItDrips() throws Exception {
        InetSocketAddress address = open(new GateLimits(Duration.ofSeconds(1), 2048));
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        GateCodec.encode(GateFrame.START, new StartMessage("t", "r", "local", clock.millis() + 60_000, clock.millis(), "n"))
                .writeTo(frame, SECRET);
        byte[] bytes = frame.toByteArray();

        int sent = 0;
        boolean dropped = false;
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            InputStream in = socket.getInputStream();
            CompletableFuture<Integer> closedByGate = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.read();
                } catch (java.io.IOException e) {
                    return -1;
                }
            }, r -> Thread.ofVirtual().start(r));
            OutputStream out = socket.getOutputStream();
            // a byte every 100 ms: each read is quick, but the whole valid frame would take far longer than 10 s
            for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); sent < bytes.length && System.nanoTime() < until; sent++) {
                if (closedByGate.isDone()) {
                    dropped = true;
                    break;
                }
                try {
                    out.write(bytes[sent]);
                } catch (java.io.IOException reset) {
                    dropped = true;
                    break;
                }
                Thread.sleep(100);
            }
            dropped |= closedByGate.isDone();
        }

        assertThat(bytes.length * 100L).isGreaterThan(10_000);
        assertThat(dropped).as("the gate closed the dripping connection").isTrue();
        assertThat(sent).isLessThan(bytes.length);
        assertThat(gate.awaitSignal(Duration.ofMillis(200))).isEmpty();
    }

    private void assertStartsOnTime(InetSocketAddress address, ConnectionFlood flood) throws Exception {
        long dripsBefore = flood.drips();

        LeaderReport report = new StartLeader("t", "r", "local", SECRET, PATIENT, clock)
                .start(List.of(new WorkerAddress(address.getHostString(), address.getPort())));

        assertThat(report.outcome()).isEqualTo(LeaderReport.STARTED);
        assertThat(report.workers()).singleElement().satisfies(ack -> {
            assertThat(ack.acknowledged()).isTrue();
            assertThat(ack.workerId()).isEqualTo("w");
        });
        StartSignal signal = gate.awaitSignal(Duration.ofSeconds(1)).orElseThrow();
        assertThat(signal.startAtMs()).isEqualTo(report.startAtMs());
        StartClock.sleepUntil(clock, signal.startAtMs());
        long startedAt = clock.millis();
        assertThat(startedAt).isGreaterThanOrEqualTo(signal.startAtMs());
        assertThat(flood.drips()).as("the flood was still dripping").isGreaterThan(dripsBefore);
    }

    private InetSocketAddress open(GateLimits limits) throws Exception {
        gate = new StartGate("t", "r", "w", SECRET, clock, limits);
        return gate.open(new InetSocketAddress("127.0.0.1", 0));
    }
}
