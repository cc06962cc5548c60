package dev.dlt.agent.engine.nativehttp;

import dev.dlt.results.layout.OpenModelReport;
import dev.dlt.agent.scenario.LoadProfile;
import dev.dlt.agent.scenario.TestPlan;
import dev.dlt.results.scenario.ArrivalRate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static org.assertj.core.api.Assertions.assertThat;

/** The open model against a loopback server: every due iteration is sent or counted as dropped, and timed both ways. */
class OpenModelRunTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final List<long[]> samples = new CopyOnWriteArrayList<>();

    private NativeHttpEngine.OpenRun run(TestPlan plan) throws InterruptedException {
        return engine.runOpen(plan, (label, intended, intendedLatency, service, serviceLatency, connect, bytes, code, success) ->
                samples.add(new long[] {intended, service, success ? 1 : 0}));
    }

    private static TestPlan plan(TestHttpServer server, double rate, long millis, int maxConcurrency) {
        ArrivalRate arrival = new ArrivalRate(rate, List.of(new ArrivalRate.Stage(millis(millis), rate)), maxConcurrency);
        return new TestPlan(List.of(get("a", server.uri("/a")), get("b", server.uri("/b"))),
                new LoadProfile(1, Duration.ZERO, millis(millis), Plans.TIMEOUT), arrival);
    }

    @Test
    void sendsEveryIterationTheScheduleHoldsOnAHealthyTarget() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            OpenModelReport report = run(plan(server, 200, 1_000, 200)).open();

            assertThat(report.due()).isEqualTo(200);
            assertThat(report.sent()).isEqualTo(200);
            assertThat(report.dropped()).isZero();
            assertThat(report.seconds()).isEqualTo(1.0);
            assertThat(report.requestedRate()).isEqualTo(200.0);
            assertThat(report.achievedRate()).isEqualTo(200.0);
            assertThat(server.requests()).hasSize(200);
            assertThat(server.requests()).filteredOn(r -> r.target().equals("/b")).hasSize(100);
            assertThat(samples).hasSize(200).allSatisfy(s -> {
                assertThat(s[2]).isEqualTo(1);
                assertThat(s[0]).isGreaterThanOrEqualTo(s[1]); // from the intended send is never shorter
            });
        }
    }

    @Test
    void dropsAndCountsIterationsDueWhileTheInFlightLimitIsReached() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> {
            sleep(millis(500));
            return TestReply.ok("slow");
        })) {
            NativeHttpEngine.OpenRun run = run(plan(server, 20, 1_000, 2));

            OpenModelReport report = run.open();
            assertThat(report.due()).isEqualTo(20);
            assertThat(report.sent() + report.dropped()).isEqualTo(20);
            // two in flight, each at least 500 ms: at most 2 per 500 ms can be sent within the second
            assertThat(report.dropped()).isGreaterThanOrEqualTo(14);
            assertThat(run.report().maxConcurrency()).isEqualTo(2);
            assertThat(server.requests()).hasSize((int) report.sent());
            assertThat(samples).hasSize((int) report.sent()).allSatisfy(s -> assertThat(s[1]).isGreaterThanOrEqualTo(500_000));
        }
    }

    @Test
    void requestsDueDuringAStallAllWaitForItInsteadOfBeingSkipped() throws Exception {
        long stallUntil = System.nanoTime() + millis(1_000).toNanos();
        try (TestHttpServer server = TestHttpServer.start(request -> {
            long wait = stallUntil - System.nanoTime();
            if (wait > 0) {
                sleep(Duration.ofNanos(wait));
            }
            return TestReply.ok("x");
        })) {
            run(plan(server, 50, 500, 100));

            // every iteration due in the first 500 ms waited for the end of the stall: none is lost
            assertThat(samples).hasSize(25).allSatisfy(s -> assertThat(s[0]).isGreaterThanOrEqualTo(400_000));
        }
    }

    @Test
    void aStopBeforeTheRunSendsNothing() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            engine.stop();
            OpenModelReport report = run(plan(server, 10, 60_000, 10)).open();

            assertThat(report.due()).isZero();
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void stopEndsTheScheduleEarlyAndReportsWhatWasDueUntilThen() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            var result = new java.util.concurrent.atomic.AtomicReference<NativeHttpEngine.OpenRun>();
            Thread runner = Thread.ofVirtual().start(() -> {
                try {
                    result.set(run(plan(server, 100, 60_000, 10)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() >= 5);

            engine.stop();

            assertThat(runner.join(Duration.ofSeconds(30))).isTrue();
            OpenModelReport report = result.get().open();
            assertThat(report.due()).isBetween(5L, 5_999L);
            assertThat(report.sent() + report.dropped()).isEqualTo(report.due());
            assertThat(report.sent()).isEqualTo(server.requests().size());
            assertThat(report.seconds()).isLessThan(60.0);
            assertThat(result.get().report().stoppedEarly()).isTrue();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
