package dev.dlt.results.record;

import dev.dlt.results.taurus.GroupStats;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Exact sums of one label (times in microseconds), which add up across labels and workers. */
record LabelTotals(long count, long succ, long bytes, long sumRtMicros, long sumLtMicros, long sumCtMicros,
                   double sumSquaresRt, Map<String, Long> codes, Histogram histogram) {

    /** The percentile levels Taurus reports. */
    static final double[] LEVELS = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0};

    LabelTotals plus(LabelTotals other) {
        Map<String, Long> merged = new TreeMap<>(codes);
        other.codes.forEach((code, n) -> merged.merge(code, n, Long::sum));
        Histogram h = histogram.copy();
        h.add(other.histogram);
        return new LabelTotals(count + other.count, succ + other.succ, bytes + other.bytes,
                sumRtMicros + other.sumRtMicros, sumLtMicros + other.sumLtMicros, sumCtMicros + other.sumCtMicros,
                sumSquaresRt + other.sumSquaresRt, merged, h);
    }

    GroupStats toGroupStats(long concurrency) {
        double n = Math.max(count, 1);
        double meanRt = sumRtMicros / n;
        double variance = Math.max(0, sumSquaresRt / n - meanRt * meanRt);
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        if (count > 0) {
            for (double level : LEVELS) {
                long micros = level == 0.0 ? histogram.getMinValue()
                        : level == 100.0 ? histogram.getMaxValue() : histogram.getValueAtPercentile(level);
                percentiles.put(level, micros / 1e6);
            }
        }
        return new GroupStats(count, concurrency, succ, count - succ, meanRt / 1e6, Math.sqrt(variance) / 1e6,
                sumLtMicros / n / 1e6, sumCtMicros / n / 1e6, bytes, codes, percentiles);
    }
}
