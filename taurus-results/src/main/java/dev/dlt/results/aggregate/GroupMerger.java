package dev.dlt.results.aggregate;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.taurus.GroupStats;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges one label's groups from many workers: counts add, means are weighted by count, the
 * standard deviation is pooled, percentiles come from the merged histogram.
 */
final class GroupMerger {

    private static final double[] LEVELS = {50.0, 90.0, 95.0, 99.0, 99.9};

    private final Histogram histogram = LatencyHistograms.newHistogram();
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

    void add(GroupStats g, Histogram h) {
        long n = g.throughput();
        requests += n;
        succ += g.succ();
        fail += g.fail();
        bytes += g.bytes();
        concurrency += g.concurrency();
        g.responseCodes().forEach((code, count) -> codes.merge(code, count, Long::sum));
        if (n == 0) {
            return;
        }
        double avgRt = finite(g.avgRt());
        double stdev = finite(g.stdevRt());
        sumRt += n * avgRt;
        sumSquaresRt += n * (stdev * stdev + avgRt * avgRt);
        sumLt += n * finite(g.avgLt());
        sumCt += n * finite(g.avgCt());
        if (h != null && h.getTotalCount() > 0) {
            histogram.add(h);
            min = Math.min(min, h.getMinValue() / 1e6);
            max = Math.max(max, h.getMaxValue() / 1e6);
        } else {
            exact = false;
            min = Math.min(min, finite(g.percentile(0.0)));
            max = Math.max(max, finite(g.percentile(100.0)));
        }
        for (int i = 0; i < LEVELS.length; i++) {
            weightedPercentiles[i] += n * finite(g.percentile(LEVELS[i]));
        }
    }

    LabelResult result(String label, double durationSeconds) {
        double n = Math.max(requests, 1);
        double mean = sumRt / n;
        double stdev = Math.sqrt(Math.max(0, sumSquaresRt / n - mean * mean));
        double[] p = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            p[i] = requests == 0 ? 0 : exact ? histogram.getValueAtPercentile(LEVELS[i]) / 1e3 : weightedPercentiles[i] / n * 1e3;
        }
        double rps = durationSeconds > 0 ? requests / durationSeconds : 0;
        return new LabelResult(label, requests, succ, fail, requests == 0 ? 0 : (double) fail / requests, rps,
                mean * 1e3, stdev * 1e3, sumLt / n * 1e3, sumCt / n * 1e3, bytes, concurrency, codes,
                requests == 0 ? 0 : min * 1e3, p[0], p[1], p[2], p[3], p[4], requests == 0 ? 0 : max * 1e3,
                exact || requests == 0);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
