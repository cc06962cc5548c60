package dev.dlt.results.record;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every sample of a worker, per label, and turns them into a Taurus report plus the
 * latency histograms that merge exactly. Thread-safe; recording does not block.
 */
public final class ResultRecorder {

    private final Map<String, LabelAccumulator> labels = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong maxConcurrency = new AtomicLong();

    /** Records one sample; times in microseconds (see the engines' sample definitions). */
    public void record(String label, long responseTimeMicros, long latencyMicros, long connectMicros,
                       long bytes, String responseCode, boolean success) {
        LabelAccumulator accumulator = labels.get(label);
        if (accumulator == null) {
            accumulator = labels.computeIfAbsent(label, l -> {
                order.put(l, Boolean.TRUE);
                return new LabelAccumulator();
            });
        }
        accumulator.record(responseTimeMicros, latencyMicros, connectMicros, bytes, responseCode, success);
    }

    /** Notes the number of virtual users active; the report carries the highest. */
    public void concurrency(long users) {
        maxConcurrency.accumulateAndGet(users, Math::max);
    }

    public long sampleCount() {
        return labels.values().stream().mapToLong(a -> a.count.sum()).sum();
    }

    /** The report so far: one group per label in first-seen order, then the overall group {@code ""}. */
    public RecordedResults snapshot(double testDurationSeconds) {
        Map<String, GroupStats> groups = new LinkedHashMap<>();
        LatencyHistograms histograms = new LatencyHistograms();
        LabelTotals overall = new LabelTotals(0, 0, 0, 0, 0, 0, 0, Map.of(), LatencyHistograms.newHistogram());
        long users = maxConcurrency.get();
        java.util.List<String> names;
        synchronized (order) {
            names = java.util.List.copyOf(order.keySet());
        }
        for (String label : names) {
            LabelTotals totals = labels.get(label).totals();
            groups.put(label, totals.toGroupStats(users));
            histograms.put(label, totals.histogram());
            overall = overall.plus(totals);
        }
        groups.put(FinalStatus.OVERALL, overall.toGroupStats(users));
        histograms.put(FinalStatus.OVERALL, overall.histogram());
        return new RecordedResults(new FinalStatus(testDurationSeconds, groups), histograms);
    }
}
