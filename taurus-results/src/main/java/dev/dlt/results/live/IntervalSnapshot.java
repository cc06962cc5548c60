package dev.dlt.results.live;

import java.util.Map;

/**
 * One worker's interval number {@code index} (from its load start, each {@code intervalMs} long):
 * the active users at its end and what each label did in it.
 */
public record IntervalSnapshot(long index, long users, Map<String, LabelInterval> labels) {

    public IntervalSnapshot {
        labels = Map.copyOf(labels);
    }

    /** All labels together. */
    public LabelInterval total() {
        return labels.values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
    }
}
