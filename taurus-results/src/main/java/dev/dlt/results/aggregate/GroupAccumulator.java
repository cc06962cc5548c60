package dev.dlt.results.aggregate;

import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.taurus.GroupStats;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges one label's groups from many workers as they arrive: counts add, means are weighted by
 * count, the standard deviation is pooled, percentiles come from the merged histogram. Not
 * thread-safe; {@link RunAccumulator} guards it.
 */
final class GroupAccumulator {

    /** Distinct response codes kept per label; the counts of any further ones go to {@link #OTHER_CODES}. */
    static final int MAX_CODES = 1_000;
    static final String OTHER_CODES = "other";
    private static final double[] LEVELS = {50.0, 90.0, 95.0, 99.0, 99.9};

    private final LatencyCounts latency = new LatencyCounts();
    private final Map<String, Long> codes = new TreeMap<>();
    private final double[] weightedPercentiles = new double[LEVELS.length];
    private long requests;
    private long succ;
    private long fail;
    private long bytes;
    private long concurrency;
    private double sumRt;
    private double sumSquaresRt;
    private double sumLt;
    private double sumCt;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private boolean exact = true;

    /** The totals this accumulator would have after adding more groups (for an overflow check that changes nothing). */
    Totals totals() {
        return new Totals(requests, bytes, concurrency, latency.total());
    }

    /** Adds a validated group; {@link Totals#plus} has shown that no count overflows. */
    void add(GroupStats g, SparseHistogram h) {
        long n = g.throughput();
        requests += n;
        succ += g.succ();
        fail += g.fail();
        bytes += g.bytes();
        concurrency += g.concurrency();
        g.responseCodes().forEach((code, count) ->
                codes.merge(codes.size() < MAX_CODES || codes.containsKey(code) ? code : OTHER_CODES, count, Long::sum));
        if (n == 0) {
            return;
        }
        double avgRt = finite(g.avgRt());
        double stdev = finite(g.stdevRt());
        sumRt += n * avgRt;
        sumSquaresRt += n * (stdev * stdev + avgRt * avgRt);
        sumLt += n * finite(g.avgLt());
        sumCt += n * finite(g.avgCt());
        if (h != null && h.totalCount() > 0) {
            latency.add(h);
        } else {
            exact = false;
            min = Math.min(min, finite(g.percentile(0.0)));
            max = Math.max(max, finite(g.percentile(100.0)));
        }
        for (int i = 0; i < LEVELS.length; i++) {
            weightedPercentiles[i] += n * finite(g.percentile(LEVELS[i]));
        }
    }

    /** The merged histogram, or null when some worker sent none (percentiles approximate) or nothing was recorded. */
    SparseHistogram exactHistogram() {
        return exact && latency.total() > 0 ? SparseHistogram.of(latency.toHistogram()) : null;
    }

    LabelResult result(String label, double durationSeconds) {
        double n = Math.max(requests, 1);
        double mean = sumRt / n;
        double stdev = Math.sqrt(Math.max(0, sumSquaresRt / n - mean * mean));
        double[] p = new double[LEVELS.length];
        double lowest = min;
        double highest = max;
        Histogram histogram = exact && latency.total() > 0 ? latency.toHistogram() : null;
        if (latency.total() > 0) {
            // the merged histogram's extremes, even when other workers' percentiles are only approximated
            Histogram extremes = histogram != null ? histogram : latency.toHistogram();
            lowest = Math.min(lowest, extremes.getMinValue() / 1e6);
            highest = Math.max(highest, extremes.getMaxValue() / 1e6);
        }
        for (int i = 0; i < LEVELS.length; i++) {
            p[i] = requests == 0 ? 0 : histogram != null ? histogram.getValueAtPercentile(LEVELS[i]) / 1e3 : weightedPercentiles[i] / n * 1e3;
        }
        double rps = durationSeconds > 0 ? requests / durationSeconds : 0;
        return new LabelResult(label, requests, succ, fail, requests == 0 ? 0 : (double) fail / requests, rps,
                mean * 1e3, stdev * 1e3, sumLt / n * 1e3, sumCt / n * 1e3, bytes, concurrency, new TreeMap<>(codes),
                requests == 0 ? 0 : lowest * 1e3, p[0], p[1], p[2], p[3], p[4], requests == 0 ? 0 : highest * 1e3,
                exact || requests == 0);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    /** The counts that can overflow when added: everything else is bounded by them. */
    record Totals(long requests, long bytes, long concurrency, long latency) {

        /** @throws ArithmeticException when a count would overflow */
        Totals plus(GroupStats g, SparseHistogram h) {
            return new Totals(Math.addExact(requests, g.throughput()), Math.addExact(bytes, g.bytes()),
                    Math.addExact(concurrency, g.concurrency()), h == null ? latency : Math.addExact(latency, h.totalCount()));
        }
    }
}
