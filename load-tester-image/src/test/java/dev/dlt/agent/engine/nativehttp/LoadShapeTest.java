package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.EngineReport;
import dev.dlt.agent.scenario.LoadProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When users start and stop: linear ramp-up, the end of the hold, and stop(). */
class LoadShapeTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void startsUsersLinearlyOverTheRampUp() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            long before = System.nanoTime();
            EngineReport report = engine.run(plan(new LoadProfile(4, millis(1200), millis(300), Plans.TIMEOUT),
                    get("a", server.uri("/"))), sink);

            assertThat(report.maxConcurrency()).isEqualTo(4);
            List<Long> accepted = server.acceptNanos();
            assertThat(accepted).hasSize(4);
            for (int i = 0; i < 4; i++) {
                // user i may not connect before its slot at 1200 ms * i / 4 (the upper bound is loose: busy CI)
                assertThat(Duration.ofNanos(accepted.get(i) - before))
                        .isBetween(millis(300L * i), millis(300L * i + 3_000));
            }
        }
    }

    @Test
    void letsTheRequestInFlightAtTheEndCompleteAndRecordsIt() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> {
            sleep(millis(600));
            return TestReply.ok("late");
        })) {
            long before = System.nanoTime();
            engine.run(plan(new LoadProfile(1, Duration.ZERO, millis(100), Plans.TIMEOUT), get("slow", server.uri("/"))), sink);

            assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(millis(600));
            assertThat(sink.samples()).singleElement().satisfies(s -> {
                assertThat(s.success()).isTrue();
                assertThat(s.responseTimeMicros()).isGreaterThanOrEqualTo(600_000);
            });
        }
    }

    @Test
    void stopEndsTheRunEarlyAndClosesEveryConnection() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            stopWhen(() -> server.requests().size() > 10);
            long before = System.nanoTime();
            EngineReport report = engine.run(plan(new LoadProfile(20, Duration.ofSeconds(20), Duration.ofMinutes(5),
                    Plans.TIMEOUT), get("a", server.uri("/"))), sink);

            assertThat(report.stoppedEarly()).isTrue();
            assertThat(report.maxConcurrency()).isLessThan(20);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(20));
            await().untilAsserted(() -> assertThat(server.connectionsOpen()).isZero());
            assertThat(engine.run(plan(1, Duration.ofMinutes(1), get("a", server.uri("/"))), sink).stoppedEarly())
                    .as("stop() is sticky").isTrue();
        }
    }

    @Test
    void stopInterruptsRequestsWaitingForASilentServerWithoutRecordingThem() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.silence())) {
            stopWhen(() -> server.requests().size() == 3);
            long before = System.nanoTime();
            EngineReport report = engine.run(plan(new LoadProfile(3, Duration.ZERO, Duration.ofMinutes(5),
                    Duration.ofMinutes(1)), get("a", server.uri("/"))), sink);

            assertThat(report.stoppedEarly()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(20));
            assertThat(sink.samples()).isEmpty();
            await().untilAsserted(() -> assertThat(server.connectionsOpen()).isZero());
        }
    }

    private void stopWhen(Callable<Boolean> condition) {
        Thread.ofVirtual().start(() -> {
            try {
                await().atMost(Duration.ofSeconds(30)).until(condition);
            } finally {
                engine.stop();
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
