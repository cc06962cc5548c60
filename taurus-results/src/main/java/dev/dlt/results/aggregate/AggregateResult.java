package dev.dlt.results.aggregate;

import java.util.List;

/** The result of a run or of one region: the overall statistics, per label, and the duration they cover. */
public record AggregateResult(LabelResult overall, List<LabelResult> labels, int workers, double durationSeconds) {
}
