package dev.dlt.results.live;

import dev.dlt.results.histogram.SparseHistogram;
import java.util.Map;
import java.util.TreeMap;

/** What one label did over some span of time: counts that add up and a latency histogram that merges exactly. */
public record LabelInterval(long requests, long failures, long bytes, Map<String, Long> codes, SparseHistogram latency) {

    public static final LabelInterval EMPTY = new LabelInterval(0, 0, 0, Map.of(), SparseHistogram.empty());

    public LabelInterval {
        codes = Map.copyOf(codes);
    }

    /** The sum of both spans; throws ArithmeticException on an overflow (absurd input). */
    public LabelInterval plus(LabelInterval other) {
        Map<String, Long> merged = new TreeMap<>(codes);
        other.codes.forEach((code, n) -> merged.merge(code, n, Math::addExact));
        return new LabelInterval(Math.addExact(requests, other.requests), Math.addExact(failures, other.failures),
                Math.addExact(bytes, other.bytes), merged, latency.plus(other.latency));
    }

    /** Failed requests as a fraction (0..1). */
    public double errorRatio() {
        return requests == 0 ? 0 : (double) failures / requests;
    }

    /** A percentile of the latency in milliseconds. */
    public double percentileMs(double percentile) {
        return latency.valueAtPercentile(percentile) / 1000.0;
    }
}
