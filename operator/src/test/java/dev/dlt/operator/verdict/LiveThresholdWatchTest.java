package dev.dlt.operator.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.live.LiveRun;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRollup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The abortOnFail thresholds judged on live records merged by {@link LiveRun}, as the operator reads them. */
class LiveThresholdWatchTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    private static final long INTERVAL = 5_000;
    private static final Duration WINDOW = Duration.ofSeconds(15);

    private final LiveThresholdWatch watch = new LiveThresholdWatch();
    private final LiveRun run = new LiveRun(START, Duration.ofMinutes(5));

    /** One worker's records: each interval has {@code ok} fast successes and {@code failed} slow failures. */
    private final class Worker {
        final String id;
        final IntervalRecorder recorder = new IntervalRecorder();
        final LiveRollup rollup;
        long index;

        Worker(String id) {
            this.id = id;
            rollup = new LiveRollup(id, "eu", START.toEpochMilli(), INTERVAL);
        }

        void interval(int ok, int failed, long okMicros) {
            for (int i = 0; i < ok; i++) {
                recorder.record("home", okMicros, 100, "200", true);
            }
            for (int i = 0; i < failed; i++) {
                recorder.record("home", 900_000, 100, "503", false);
            }
            rollup.add(recorder.roll(index++, 10));
            run.accept("eu", "eu/" + id, rollup.record(START.toEpochMilli() + index * INTERVAL, false), START.plusMillis(index * INTERVAL));
        }
    }

    private static AbortRule rule(String metric, String label, String below, String above, Duration delay) {
        return new AbortRule(ThresholdParser.parseValid(metric, label, below, above), delay);
    }

    private java.util.Optional<LiveThresholdWatch.Breach> check(List<AbortRule> rules, Instant now) {
        return watch.check(rules, Duration.between(START, now), run.window(WINDOW), run.totals(), now);
    }

    @Test
    void aBreachBeforeTheDelayIsIgnoredAndAbortsOnceTheDelayIsOver() {
        Worker w = new Worker("w-0");
        List<AbortRule> rules = List.of(rule("errorRate", null, "5%", null, Duration.ofSeconds(30)));
        for (int i = 0; i < 5; i++) {
            w.interval(80, 20, 1_000); // 20 % errors from the start
        }
        assertThat(check(rules, START.plusSeconds(25))).as("within the 30 s delay").isEmpty();

        w.interval(80, 20, 1_000);
        Instant at = START.plusSeconds(30);
        var breach = check(rules, at);
        assertThat(breach).isPresent();
        assertThat(breach.get().measured()).isEqualTo(20.0);
        assertThat(breach.get().describe()).isEqualTo("errorRate below 5% broke at 2026-11-30T12:00:30Z: 20.00% over the fleet's last "
                + "15.0s (300 requests)");
    }

    @Test
    void onlyTheLastWindowCountsForRatesAndPercentiles() {
        Worker w = new Worker("w-0");
        List<AbortRule> rules = List.of(rule("p95", null, "300ms", null, Duration.ZERO));
        for (int i = 0; i < 4; i++) {
            w.interval(0, 100, 1_000); // slow failures early on
        }
        for (int i = 0; i < 3; i++) {
            w.interval(100, 0, 2_000); // the last 15 s are fast
        }
        assertThat(check(rules, START.plusSeconds(35))).isEmpty();
        w.interval(50, 50, 2_000);
        assertThat(check(rules, START.plusSeconds(40))).get().satisfies(b -> assertThat(b.measured()).isGreaterThan(300));
    }

    @Test
    void theMergedFleetBreaksWhereNoWorkerAloneHasEnoughRequestsToBeJudged() {
        List<AbortRule> rules = List.of(rule("errorRate", "home", "10%", null, Duration.ZERO));
        Worker a = new Worker("w-0");
        Worker b = new Worker("w-1");
        a.interval(3, 12, 1_000); // 15 requests: fewer than MIN_REQUESTS
        assertThat(check(rules, START.plusSeconds(5))).as("one worker's 15 requests are not judged").isEmpty();

        b.interval(3, 12, 1_000);
        assertThat(check(rules, START.plusSeconds(5))).as("the fleet's 30 requests are").get()
                .satisfies(breach -> {
                    assertThat(breach.requests()).isEqualTo(30);
                    assertThat(breach.measured()).isEqualTo(80.0);
                });
    }

    @Test
    void requestsAreJudgedOnTheFleetsCountSoFarAndOnlyABelowBoundAborts() {
        Worker a = new Worker("w-0");
        Worker b = new Worker("w-1");
        List<AbortRule> rules = List.of(rule("requests", null, null, "100000", Duration.ZERO),
                rule("requests", null, "1000", null, Duration.ZERO));
        for (int i = 0; i < 6; i++) {
            a.interval(100, 0, 1_000);
            b.interval(90, 0, 1_000);
        }
        // 600 + 540 requests so far; neither worker alone passes 1000, and "above 100000" can still be met later
        var breach = check(rules, START.plusSeconds(30));
        assertThat(breach).get().satisfies(bad -> {
            assertThat(bad.threshold().describe()).isEqualTo("requests below 1000");
            assertThat(bad.measured()).isEqualTo(1140.0);
            assertThat(bad.describe()).endsWith(": 1140 so far");
        });
    }

    @Test
    void thresholdsThatHoldDoNotAbort() {
        Worker w = new Worker("w-0");
        for (int i = 0; i < 6; i++) {
            w.interval(100, 0, 5_000);
        }
        List<AbortRule> rules = List.of(rule("p95", "home", "300ms", null, Duration.ZERO), rule("errorRate", null, "1%", null, Duration.ZERO),
                rule("rps", null, null, "10", Duration.ZERO));
        assertThat(check(rules, START.plusSeconds(30))).isEmpty();
        List<AbortRule> tooSlow = List.of(rule("rps", null, null, "50", Duration.ZERO));
        assertThat(check(tooSlow, START.plusSeconds(30))).get().satisfies(b -> assertThat(b.measured()).isEqualTo(20.0));
    }
}
