package dev.dlt.agent.engine.nativehttp;

import dev.dlt.results.layout.OpenModelReport;
import dev.dlt.results.scenario.ArrivalRate;
import dev.dlt.agent.scenario.LoadProfile;
import dev.dlt.agent.scenario.TestPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every wait the engine reports to {@link ExternalWakeups} is also reported as ended, whichever way
 * it ends (response, refusal, back-off, ramp-up, stop): a leaked waiter would make the users stop
 * yielding for good and halve the request rate of a busy core. Likewise every user that joined left.
 */
class ExternalWakeupsBalanceTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();
    private long waitsBefore;

    @BeforeEach
    void noEngineIsWaiting() {
        assertThat(ExternalWakeups.SHARED.waiters()).isZero();
        assertThat(ExternalWakeups.SHARED.users()).isZero();
        waitsBefore = ExternalWakeups.SHARED.waits();
    }

    @AfterEach
    void everyWaitEnded() {
        assertThat(ExternalWakeups.SHARED.waits()).as("the scenario waited for the poller or a timer")
                .isGreaterThan(waitsBefore);
        assertThat(ExternalWakeups.SHARED.waiters()).isZero();
        assertThat(ExternalWakeups.SHARED.users()).as("every user that joined also left").isZero();
    }

    @Test
    void readsThatParkAndRampUpSleeps() throws Exception {
        // one byte per write: the users' reads find nothing and park in the poller again and again
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("trickled").trickled())) {
            engine.run(plan(new LoadProfile(3, millis(100), millis(200), Plans.TIMEOUT), get("t", server.uri("/"))), sink);

            assertThat(sink.samples()).isNotEmpty().allMatch(s -> s.success());
        }
    }

    @Test
    void refusedConnectionsAndBackOff() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        engine.run(plan(2, millis(100), get("down", URI.create("http://127.0.0.1:" + port + "/"))), sink);

        assertThat(sink.samples()).isNotEmpty().allMatch(s -> s.responseCode().equals("ConnectException"));
    }

    @Test
    void readsInterruptedByStop() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.silence())) {
            Thread.ofVirtual().start(() -> {
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() == 3);
                } finally {
                    engine.stop();
                }
            });
            engine.run(plan(new LoadProfile(3, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(1)),
                    get("silent", server.uri("/"))), sink);

            assertThat(sink.samples()).isEmpty();
        }
    }

    @Test
    void openModelIterationsAndTheirSchedule() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("open"))) {
            ArrivalRate arrival = new ArrivalRate(100, List.of(new ArrivalRate.Stage(millis(300), 100)), 10);
            TestPlan plan = new TestPlan(List.of(get("o", server.uri("/"))),
                    new LoadProfile(1, Duration.ZERO, millis(300), Plans.TIMEOUT), arrival);

            OpenModelReport report = engine.runOpen(plan, (label, intended, intendedLatency, service, serviceLatency,
                    connect, bytes, code, success) -> { }).open();

            assertThat(report.sent()).isPositive();
            assertThat(server.requests()).hasSize((int) report.sent());
        }
    }
}
