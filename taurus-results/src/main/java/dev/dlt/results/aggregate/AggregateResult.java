package dev.dlt.results.aggregate;

import java.util.List;
import java.util.Map;

/**
 * The result of a run or of one region: the overall statistics, per label, the number of workers
 * merged, the duration they cover, and the workers left out with why (worker id to reason).
 */
public record AggregateResult(LabelResult overall, List<LabelResult> labels, int workers, double durationSeconds,
                              Map<String, String> excluded) {

    public AggregateResult {
        labels = List.copyOf(labels);
        excluded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(excluded));
    }

    public AggregateResult(LabelResult overall, List<LabelResult> labels, int workers, double durationSeconds) {
        this(overall, labels, workers, durationSeconds, Map.of());
    }
}
