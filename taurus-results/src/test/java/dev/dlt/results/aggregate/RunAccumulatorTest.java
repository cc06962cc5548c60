package dev.dlt.results.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunAccumulatorTest {

    private final RunAccumulator run = new RunAccumulator();

    @Test
    void aWorkerIsMergedWholeOrNotAtAll() throws Exception {
        run.add("eks", report(group(100, 10, Map.of("200", 90L, "503", 10L), 1000), group(100, 10, Map.of("200", 90L, "503", 10L), 1000)),
                histograms(100));
        // its label is fine, its overall group does not add up: nothing of it may be merged
        GroupStats inconsistent = new GroupStats(50, 1, 45, 10, 0.01, 0, 0, 0, 500, Map.of("200", 50L), new TreeMap<>());
        assertThatThrownBy(() -> run.add("ecs", report(group(50, 0, Map.of("200", 50L), 500), inconsistent), histograms(50)))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("the overall group: succ 45 + fail 10 is not the throughput 50");

        AggregateResult result = run.result(10);
        assertThat(result.workers()).isEqualTo(1);
        assertThat(result.overall().requests()).isEqualTo(100);
        assertThat(result.labels()).singleElement().satisfies(l -> assertThat(l.requests()).isEqualTo(100));
        assertThat(run.regions(10)).containsOnlyKeys("eks");
    }

    @Test
    void countsThatWouldOverflowExcludeTheWorkerThatBringsThem() throws Exception {
        long huge = Long.MAX_VALUE / 2 + 1;
        run.add("eks", report(group(huge, 0, Map.of(), 0), group(huge, 0, Map.of(), 0)), Map.of());
        assertThatThrownBy(() -> run.add("eks", report(group(huge, 0, Map.of(), 0), group(huge, 0, Map.of(), 0)), Map.of()))
                .isInstanceOf(InvalidResultException.class).hasMessageContaining("overflow the run's totals");
        run.add("eks", report(group(5, 0, Map.of(), 0), group(5, 0, Map.of(), 0)), Map.of());

        assertThat(run.result(1).overall().requests()).isEqualTo(huge + 5).isPositive();
        assertThat(run.workers()).isEqualTo(2);
    }

    @Test
    void histogramsThatDisagreeWithTheReportAreRefused() {
        assertThatThrownBy(() -> run.add("eks", report(group(100, 0, Map.of("200", 100L), 0), group(100, 0, Map.of("200", 100L), 0)),
                histograms(1000))).hasMessageContaining("histogram of label 'x' counts 1000 samples, the Taurus XML 100");
        assertThatThrownBy(() -> run.add("eks", report(group(100, 0, Map.of("200", 99L), 0), group(100, 0, Map.of("200", 100L), 0)),
                Map.of())).hasMessageContaining("label 'x': response codes count 99 samples, the throughput 100");
        assertThat(run.workers()).isZero();
        assertThat(run.result(1).overall().requests()).isZero();
    }

    @Test
    void responseCodesBeyondTheLimitAreCountedAsOther() throws Exception {
        for (int w = 0; w < 3; w++) {
            Map<String, Long> codes = new LinkedHashMap<>();
            for (int c = 0; c < 600; c++) {
                codes.put("E" + w + "-" + c, 1L);
            }
            run.add("eks", report(group(600, 600, codes, 0), group(600, 600, codes, 0)), Map.of());
        }
        LabelResult overall = run.result(1).overall();
        assertThat(overall.responseCodes()).hasSize(GroupAccumulator.MAX_CODES + 1);
        assertThat(overall.responseCodes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1800);
        assertThat(overall.responseCodes().get(GroupAccumulator.OTHER_CODES)).isEqualTo(800);
    }

    @Test
    void exactHistogramsAreTheMergeOfEveryWorkersAndOnlyWhileEveryWorkerSentOne() throws Exception {
        run.add("eks", report(group(100, 0, Map.of("200", 100L), 0), group(100, 0, Map.of("200", 100L), 0)), histograms(100));
        run.add("ecs", report(group(50, 0, Map.of("200", 50L), 0), group(50, 0, Map.of("200", 50L), 0)), histograms(50));

        Map<String, SparseHistogram> merged = run.exactHistograms(java.util.List.of("x", "unknown"));
        assertThat(merged).containsOnlyKeys(FinalStatus.OVERALL, "x");
        assertThat(merged.get("x").totalCount()).isEqualTo(150);
        assertThat(merged.get("x").toHistogram().getValueAtPercentile(50)).isEqualTo(LatencyHistograms.newHistogram().highestEquivalentValue(10_000));
        assertThat(run.exactHistograms(java.util.List.of())).containsOnlyKeys(FinalStatus.OVERALL);

        run.add("eks", report(group(10, 0, Map.of("200", 10L), 0), group(10, 0, Map.of("200", 10L), 0)), Map.of());
        assertThat(run.exactHistograms(java.util.List.of("x"))).as("percentiles are approximate now").isEmpty();
    }

    private static FinalStatus report(GroupStats label, GroupStats overall) {
        Map<String, GroupStats> groups = new LinkedHashMap<>();
        groups.put("x", label);
        groups.put(FinalStatus.OVERALL, overall);
        return new FinalStatus(10, groups);
    }

    private static GroupStats group(long n, long fails, Map<String, Long> codes, long bytes) {
        return new GroupStats(n, 1, n - fails, fails, 0.01, 0.001, 0.005, 0.0001, bytes, codes, new TreeMap<>(Map.of(50.0, 0.01)));
    }

    private static Map<String, SparseHistogram> histograms(long count) {
        Histogram h = LatencyHistograms.newHistogram();
        h.recordValueWithCount(10_000, count);
        SparseHistogram sparse = SparseHistogram.of(h);
        return Map.of("x", sparse, FinalStatus.OVERALL, sparse);
    }
}
