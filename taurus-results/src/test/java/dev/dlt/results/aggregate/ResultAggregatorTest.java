package dev.dlt.results.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import dev.dlt.results.taurus.TaurusXmlReader;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResultAggregatorTest {

    private final ResultAggregator aggregator = new ResultAggregator();

    @Test
    void handComputedTwoWorkers() {
        // worker A: 100 requests of exactly 10 ms, 5 failed; worker B: 300 requests of exactly 30 ms, 15 failed
        WorkerResult a = new WorkerResult("a", "r", report(group(100, 5, 0.010, 0.0, 1000)), null);
        WorkerResult b = new WorkerResult("b", "r", report(group(300, 15, 0.030, 0.0, 3000)), null);

        AggregateResult result = aggregator.aggregate(List.of(a, b), 10.0);

        LabelResult all = result.overall();
        assertThat(all.requests()).isEqualTo(400);
        assertThat(all.fail()).isEqualTo(20);
        assertThat(all.errorRate()).isEqualTo(0.05);
        assertThat(all.rps()).isEqualTo(40.0);
        assertThat(all.avgRtMs()).isCloseTo(25.0, within(1e-9));              // (100*10 + 300*30) / 400
        assertThat(all.stdevRtMs()).isCloseTo(Math.sqrt(75.0), within(1e-9));  // sqrt(E[x^2] - mean^2) = sqrt(700 - 625)
        assertThat(all.bytes()).isEqualTo(4000);
        assertThat(all.responseCodes()).containsEntry("200", 380L).containsEntry("500", 20L);
        assertThat(all.percentilesExact()).isFalse();
        assertThat(result.labels()).extracting(LabelResult::label).containsExactly("x");
    }

    @Test
    void weightedMeansAndPooledStdevMatchTaurusOwnOverallGroup() throws Exception {
        // the two labels of a real Taurus report, merged as if they came from two workers,
        // must give the overall group Taurus computed from the raw samples
        FinalStatus real = TaurusXmlReader.read(getClass().getResourceAsStream("/taurus/viveknalubandu-pipeline-project-1__aggregate-results-3.xml"));
        List<WorkerResult> workers = new ArrayList<>();
        real.labels().forEach((label, g) -> workers.add(new WorkerResult(label, "r", new FinalStatus(60, Map.of("", g)), null)));

        LabelResult merged = aggregator.aggregate(workers, 60).overall();

        GroupStats taurus = real.overall().orElseThrow();
        assertThat(merged.requests()).isEqualTo(taurus.throughput());
        assertThat(merged.bytes()).isEqualTo(taurus.bytes());
        assertThat(merged.avgRtMs()).isCloseTo(taurus.avgRt() * 1e3, within(0.01));
        assertThat(merged.stdevRtMs()).isCloseTo(taurus.stdevRt() * 1e3, within(0.05));
        assertThat(merged.avgLtMs()).isCloseTo(taurus.avgLt() * 1e3, within(0.01));
        assertThat(merged.avgCtMs()).isCloseTo(taurus.avgCt() * 1e3, within(0.01));
        assertThat(merged.maxMs()).isCloseTo(taurus.percentile(100.0) * 1e3, within(1e-9));
    }

    @Test
    void mergedPercentilesEqualThoseOfThePooledSamples() throws Exception {
        Random random = new Random(42);
        long[] fast = samples(random, 20_000, 5_000, 15_000);       // worker A: 5-15 ms
        long[] slow = samples(random, 5_000, 80_000, 400_000);      // worker B: 80-400 ms
        WorkerResult a = throughTheWire("a", fast);
        WorkerResult b = throughTheWire("b", slow);

        AggregateResult result = aggregator.aggregate(List.of(a, b), 30.0);

        long[] pooled = concat(fast, slow);
        LabelResult all = result.overall();
        assertThat(all.percentilesExact()).isTrue();
        assertThat(all.requests()).isEqualTo(pooled.length);
        assertWithinHistogramPrecision(all.p50Ms(), exactPercentile(pooled, 50));
        assertWithinHistogramPrecision(all.p90Ms(), exactPercentile(pooled, 90));
        assertWithinHistogramPrecision(all.p95Ms(), exactPercentile(pooled, 95));
        assertWithinHistogramPrecision(all.p99Ms(), exactPercentile(pooled, 99));
        assertWithinHistogramPrecision(all.maxMs(), Arrays.stream(pooled).max().orElseThrow() / 1e3);
        assertThat(all.avgRtMs()).isCloseTo(Arrays.stream(pooled).average().orElseThrow() / 1e3, within(0.01));
        // what DLT did (a count-weighted average of per-worker p95s) is far off here
        double averagedP95 = (20_000 * exactPercentile(fast, 95) + 5_000 * exactPercentile(slow, 95)) / 25_000;
        assertThat(Math.abs(averagedP95 - all.p95Ms())).isGreaterThan(100);
    }

    @Test
    void labelsAreMergedSeparately() throws Exception {
        ResultRecorder w1 = new ResultRecorder();
        ResultRecorder w2 = new ResultRecorder();
        for (int i = 0; i < 10; i++) {
            w1.record("home", 1_000, 500, 0, 10, "200", true);
            w2.record("home", 3_000, 500, 0, 10, "200", true);
            w2.record("buy", 9_000, 500, 100, 20, "503", false);
        }
        WorkerResult r1 = wire("1", w1.snapshot(5));
        WorkerResult r2 = wire("2", w2.snapshot(5));

        AggregateResult result = aggregator.aggregate(List.of(r1, r2), 5);

        assertThat(result.labels()).extracting(LabelResult::label).containsExactly("home", "buy");
        LabelResult home = result.labels().get(0);
        assertThat(home.requests()).isEqualTo(20);
        assertThat(home.avgRtMs()).isCloseTo(2.0, within(1e-6));
        assertThat(home.p50Ms()).isCloseTo(1.0, within(0.01));
        LabelResult buy = result.labels().get(1);
        assertThat(buy.fail()).isEqualTo(10);
        assertThat(buy.responseCodes()).containsExactly(Map.entry("503", 10L));
        assertThat(result.overall().requests()).isEqualTo(30);
        assertThat(result.overall().rps()).isEqualTo(6.0);
    }

    private static WorkerResult throughTheWire(String id, long[] micros) throws Exception {
        ResultRecorder recorder = new ResultRecorder();
        for (long v : micros) {
            recorder.record("page", v, v / 2, 0, 100, "200", true);
        }
        return wire(id, recorder.snapshot(30));
    }

    /** Serializes and parses back both files, as the operator receives them from S3. */
    private static WorkerResult wire(String id, RecordedResults recorded) throws Exception {
        return new WorkerResult(id, "r", TaurusXmlReader.read(TaurusXmlWriter.toBytes(recorded.status())),
                LatencyHistograms.fromJson(recorded.histograms().toJson()));
    }

    private static void assertWithinHistogramPrecision(double actualMs, double expectedMs) {
        assertThat(actualMs).isCloseTo(expectedMs, within(expectedMs * 0.001 + 0.001));
    }

    private static double exactPercentile(long[] micros, double level) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(level / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e3;
    }

    private static long[] samples(Random random, int n, long from, long to) {
        return random.longs(n, from, to).toArray();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static FinalStatus report(GroupStats g) {
        Map<String, GroupStats> groups = new java.util.LinkedHashMap<>();
        groups.put("x", g);
        groups.put("", g);
        return new FinalStatus(10, groups);
    }

    private static GroupStats group(long n, long fails, double avg, double stdev, long bytes) {
        return new GroupStats(n, 1, n - fails, fails, avg, stdev, avg, 0, bytes,
                Map.of("200", n - fails, "500", fails), new TreeMap<>(Map.of(50.0, avg, 95.0, avg)));
    }
}
