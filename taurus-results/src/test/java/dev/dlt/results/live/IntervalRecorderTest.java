package dev.dlt.results.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.GroupStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IntervalRecorderTest {

    private static final String[] LABELS = {"page", "api", "login"};

    @Test
    void intervalsRolledWhileThreadsRecordAddUpExactlyToTheTotals() throws Exception {
        IntervalRecorder intervals = new IntervalRecorder();
        ResultRecorder totals = new ResultRecorder();
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicBoolean go = new AtomicBoolean();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread.ofPlatform().start(() -> {
                while (!go.get()) {
                    Thread.onSpinWait();
                }
                for (int i = 0; i < perThread; i++) {
                    String label = LABELS[(i + seed) % LABELS.length];
                    long micros = 100 + (i * 7919L + seed) % 500_000;
                    boolean ok = i % 13 != 0;
                    String code = ok ? "200" : (i % 2 == 0 ? "500" : "ConnectException");
                    totals.record(label, micros, micros / 2, 0, 100 + i % 50, code, ok);
                    intervals.record(label, micros, 100 + i % 50, code, ok);
                }
                done.countDown();
            });
        }
        List<IntervalSnapshot> closed = new ArrayList<>();
        go.set(true);
        long index = 0;
        while (done.getCount() > 0) {
            closed.add(intervals.roll(index++, 4));
        }
        closed.add(intervals.roll(index, 0));

        assertThat(closed.stream().filter(i -> !i.labels().isEmpty()).count()).as("rolled during recording").isGreaterThan(0);
        RecordedResults recorded = totals.snapshot(1);
        LabelInterval sumAll = LabelInterval.EMPTY;
        for (String label : LABELS) {
            LabelInterval sum = closed.stream().map(i -> i.labels().getOrDefault(label, LabelInterval.EMPTY))
                    .reduce(LabelInterval.EMPTY, LabelInterval::plus);
            GroupStats group = recorded.status().groups().get(label);
            assertThat(sum.requests()).isEqualTo(group.throughput());
            assertThat(sum.failures()).isEqualTo(group.fail());
            assertThat(sum.bytes()).isEqualTo(group.bytes());
            assertThat(sum.codes()).isEqualTo(group.responseCodes());
            assertThat(sum.latency()).isEqualTo(SparseHistogram.of(recorded.histograms().get(label).orElseThrow()));
            sumAll = sumAll.plus(sum);
        }
        assertThat(sumAll.requests()).isEqualTo((long) threads * perThread);
        assertThat(sumAll.latency()).isEqualTo(SparseHistogram.of(recorded.histograms().get("").orElseThrow()));
    }

    @Test
    void rollupKeepsTotalsOfEveryIntervalButOnlyTheLastTwelve() {
        LiveRollup rollup = new LiveRollup("w-1", "default", 1_000, 5_000);
        IntervalRecorder recorder = new IntervalRecorder();
        for (int i = 0; i < 100; i++) {
            recorder.record("page", 1_000 + i, 10, i % 10 == 0 ? "500" : "200", i % 10 != 0);
            rollup.add(recorder.roll(i, i));
        }
        LiveRecord record = rollup.record(9_999, true);
        assertThat(record.seq()).isEqualTo(100);
        assertThat(record.recent()).hasSize(LiveRecord.MAX_RECENT);
        assertThat(record.recent().getFirst().index()).isEqualTo(88);
        assertThat(record.cumulative().get("page").requests()).isEqualTo(100);
        assertThat(record.cumulative().get("page").failures()).isEqualTo(10);
        assertThat(record.cumulative().get("page").codes()).isEqualTo(Map.of("200", 90L, "500", 10L));
        assertThat(record.users()).isEqualTo(99);
    }
}
