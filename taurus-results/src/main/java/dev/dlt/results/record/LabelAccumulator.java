package dev.dlt.results.record;

import dev.dlt.results.histogram.LatencyHistograms;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The running statistics of one label; safe for many recording threads at once. */
final class LabelAccumulator {

    final LongAdder count = new LongAdder();
    final LongAdder succ = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder sumRtMicros = new LongAdder();
    final LongAdder sumLtMicros = new LongAdder();
    final LongAdder sumCtMicros = new LongAdder();
    final DoubleAdder sumSquaresRt = new DoubleAdder();
    final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
    final ConcurrentHistogram histogram = new ConcurrentHistogram(1, LatencyHistograms.HIGHEST_TRACKABLE_MICROS,
            LatencyHistograms.SIGNIFICANT_DIGITS);

    void record(long rtMicros, long ltMicros, long ctMicros, long responseBytes, String code, boolean success) {
        count.increment();
        if (success) {
            succ.increment();
        }
        bytes.add(responseBytes);
        sumRtMicros.add(rtMicros);
        sumLtMicros.add(ltMicros);
        sumCtMicros.add(ctMicros);
        double rt = rtMicros;
        sumSquaresRt.add(rt * rt);
        codes.computeIfAbsent(code, c -> new LongAdder()).increment();
        histogram.recordValue(LatencyHistograms.clamp(rtMicros));
    }

    /** A consistent-enough copy for reporting; call after recording has stopped for exact numbers. */
    LabelTotals totals() {
        Histogram copy = LatencyHistograms.newHistogram();
        copy.add(histogram);
        Map<String, Long> rc = new java.util.TreeMap<>();
        codes.forEach((code, n) -> rc.put(code, n.sum()));
        return new LabelTotals(count.sum(), succ.sum(), bytes.sum(), sumRtMicros.sum(), sumLtMicros.sum(),
                sumCtMicros.sum(), sumSquaresRt.sum(), rc, copy);
    }
}
