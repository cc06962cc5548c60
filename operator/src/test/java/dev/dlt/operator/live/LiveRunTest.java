package dev.dlt.operator.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LabelInterval;
import dev.dlt.results.live.LiveRecord;
import dev.dlt.results.live.LiveRollup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveRunTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    private static final long INTERVAL = 5_000;

    /** A simulated worker: records samples, rolls an interval, and yields the record it would overwrite. */
    private static final class Worker {
        final IntervalRecorder recorder = new IntervalRecorder();
        final LiveRollup rollup;
        final Random random;
        final LabelInterval[] all = {LabelInterval.EMPTY};
        long index;

        Worker(String id, String region, long startOffsetMs, long seed) {
            rollup = new LiveRollup(id, region, START.toEpochMilli() + startOffsetMs, INTERVAL);
            random = new Random(seed);
        }

        LiveRecord step(int samples, boolean finished) {
            for (int i = 0; i < samples; i++) {
                String label = random.nextBoolean() ? "page" : "api";
                long micros = 500 + random.nextInt(200_000);
                boolean ok = random.nextInt(20) != 0;
                recorder.record(label, micros, 100, ok ? "200" : "503", ok);
            }
            rollup.add(recorder.roll(index++, 10));
            return rollup.record(START.toEpochMilli() + index * INTERVAL, finished);
        }
    }

    @Test
    void theWindowCoversTheFleetOnlyWhenEveryRunningWorkerIsReadAndUpToDate() {
        LiveRun run = new LiveRun(START, Duration.ofSeconds(120));
        Worker a = new Worker("a", "eu", 0, 1);
        Worker b = new Worker("b", "eu", 0, 2);
        for (int step = 0; step < 2; step++) {
            run.accept("eu", "eu/a", a.step(50, false), START.plusSeconds(5 * step + 5));
            run.accept("eu", "eu/b", b.step(50, false), START.plusSeconds(5 * step + 5));
        }
        assertThat(run.covers(2, START.plusSeconds(11))).isTrue();
        assertThat(run.covers(3, START.plusSeconds(11))).as("a running worker without a record").isFalse();

        // a's uploads go on; b's stop reaching S3 (or the operator cannot read them)
        for (int step = 2; step < 4; step++) {
            run.accept("eu", "eu/a", a.step(50, false), START.plusSeconds(5 * step + 5));
        }
        assertThat(run.covers(2, START.plusSeconds(21))).as("b is two intervals behind a").isFalse();
        b.step(50, false);
        run.accept("eu", "eu/b", b.step(50, false), START.plusSeconds(21));
        assertThat(run.covers(2, START.plusSeconds(21))).isTrue();
        assertThat(run.covers(2, START.plusSeconds(60))).as("neither read for 39 s").isFalse();
    }

    @Test
    void timelineAndTotalsOfThreeWorkersInTwoRegionsAddUpExactly() {
        LiveRun run = new LiveRun(START, Duration.ofSeconds(60));
        List<Worker> workers = List.of(new Worker("w-1", "eu", 3, 1), new Worker("w-2", "eu", 7, 2), new Worker("w-3", "us", 11, 3));
        List<LiveRecord> last = new ArrayList<>();
        for (int step = 0; step < 12; step++) {
            last.clear();
            for (int w = 0; w < workers.size(); w++) {
                Worker worker = workers.get(w);
                LiveRecord record = worker.step(200 + step * 10 + w, step == 11);
                last.add(record);
                // the operator reads only every other record of worker 2: the roll-up still carries its intervals
                if (w != 1 || step % 2 == 1) {
                    run.accept(w == 2 ? "us" : "eu", "w-" + (w + 1), record, START.plusSeconds(5 * step + 5));
                }
            }
        }
        LabelInterval recorded = last.stream().map(LiveRecord::total).reduce(LabelInterval.EMPTY, LabelInterval::plus);
        LabelInterval merged = run.totals().values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
        assertThat(merged).isEqualTo(recorded);

        List<TimelinePoint> points = run.points();
        assertThat(points).hasSize(12);
        assertThat(points.stream().mapToLong(p -> p.total().requests()).sum()).isEqualTo(recorded.requests());
        assertThat(points.stream().mapToLong(p -> p.total().failures()).sum()).isEqualTo(recorded.failures());
        assertThat(points.stream().mapToLong(p -> p.regions().get("us").requests()).sum())
                .isEqualTo(last.get(2).total().requests());
        long okCodes = points.stream().mapToLong(p -> p.total().codes().getOrDefault("200", 0L)).sum();
        assertThat(okCodes).isEqualTo(recorded.codes().get("200"));
        assertThat(run.missedIntervals()).isZero();
    }

    @Test
    void windowMergesTheLastIntervalsOfEveryWorkerWithTheirHistograms() {
        LiveRun run = new LiveRun(START, Duration.ofSeconds(60));
        Worker a = new Worker("a", "eu", 0, 4);
        Worker b = new Worker("b", "eu", 0, 5);
        LiveRecord ra = null;
        LiveRecord rb = null;
        for (int i = 0; i < 6; i++) {
            ra = a.step(100, false);
            rb = b.step(300, false);
        }
        run.accept("eu", "a", ra, START.plusSeconds(30));
        run.accept("eu", "b", rb, START.plusSeconds(30));

        LiveWindow window = run.window(Duration.ofSeconds(10));
        assertThat(window.seconds()).isEqualTo(10.0);
        LabelInterval expected = LabelInterval.EMPTY;
        for (LiveRecord r : List.of(ra, rb)) {
            for (var interval : r.recent().subList(4, 6)) {
                expected = expected.plus(interval.total());
            }
        }
        assertThat(window.total()).isEqualTo(expected);
        assertThat(window.total().requests()).isEqualTo(800);
        assertThat(window.rps()).isEqualTo(80.0);
        assertThat(window.labels().get("page").latency().plus(window.labels().get("api").latency()))
                .isEqualTo(expected.latency());
        assertThat(window.users()).isEqualTo(20);
    }

    @Test
    void progressCountsReportingStaleAndFinishedWorkers() {
        LiveRun run = new LiveRun(START, Duration.ofSeconds(60));
        Worker a = new Worker("a", "eu", 0, 6);
        Worker b = new Worker("b", "eu", 0, 7);
        run.accept("eu", "a", a.step(50, false), START.plusSeconds(5));
        run.accept("eu", "b", b.step(50, false), START.plusSeconds(5));
        run.accept("eu", "a", a.step(50, false), START.plusSeconds(10));
        run.accept("eu", "a", a.step(50, true), START.plusSeconds(30));

        ProgressStatus p = run.progress(START.plusSeconds(30), 3, Duration.ofSeconds(15));
        assertThat(p.getRequests()).isEqualTo(200);
        assertThat(p.getWorkersExpected()).isEqualTo(3);
        assertThat(p.getWorkersReporting()).isEqualTo(2);
        assertThat(p.getWorkersFinished()).isEqualTo(1);
        assertThat(p.getWorkersStale()).as("b sent nothing for 25 s").isEqualTo(1);
        assertThat(p.getElapsedSeconds()).isEqualTo(30.0);
        assertThat(p.getRemainingSeconds()).isEqualTo(30.0);
        assertThat(p.getUsers()).as("only b is still running").isEqualTo(10);
    }

    @Test
    void anOlderRecordThanSeenIsIgnoredAndAGapIsCounted() {
        LiveRun run = new LiveRun(START, Duration.ofSeconds(600));
        Worker a = new Worker("a", "eu", 0, 8);
        LiveRecord first = a.step(10, false);
        List<LiveRecord> later = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            later.add(a.step(10, false));
        }
        run.accept("eu", "a", later.getLast(), START.plusSeconds(80));
        run.accept("eu", "a", first, START.plusSeconds(81));
        assertThat(run.totals().get("page").requests() + run.totals().get("api").requests()).isEqualTo(160);
        assertThat(run.missedIntervals()).as("16 intervals, 12 in the record").isEqualTo(4);
        assertThat(run.points().stream().mapToLong(p -> p.total().requests()).sum()).isEqualTo(120);
    }

    @Test
    void theLastPointIsAsLongAsTheLoadLastedInIt() {
        LiveRun run = new LiveRun(START, Duration.ofSeconds(12));
        IntervalRecorder recorder = new IntervalRecorder();
        LiveRollup rollup = new LiveRollup("a", "eu", START.toEpochMilli(), INTERVAL);
        for (int i = 0; i < 3; i++) {
            for (int n = 0; n < 100; n++) {
                recorder.record("page", 1_000, 10, "200", true);
            }
            rollup.add(recorder.roll(i, 1));
        }
        // the load ended 2 s into the third interval
        run.accept("eu", "a", rollup.record(START.toEpochMilli() + 12_000, true), START.plusSeconds(12));
        List<TimelinePoint> points = run.points();
        assertThat(points).extracting(TimelinePoint::seconds).containsExactly(5.0, 5.0, 2.0);
        assertThat(points.getLast().rps()).isEqualTo(50.0);
    }

    @Test
    void pointsOfALongRunAreWiderSoTheTimelineStaysBounded() {
        assertThat(Timeline.pointMs(5_000, 24 * 3_600_000L)).isEqualTo(240_000);
        assertThat(Timeline.pointMs(5_000, 60_000)).isEqualTo(5_000);
        assertThat(24 * 3_600_000L / Timeline.pointMs(5_000, 24 * 3_600_000L)).isLessThanOrEqualTo(Timeline.MAX_POINTS);
    }
}
