package dev.dlt.operator.results;

import dev.dlt.operator.api.ResultStatus;
import dev.dlt.results.aggregate.AggregateResult;
import java.util.List;

/**
 * The outcome of a finished run: its result (null when no worker produced one), when load really
 * started and ended, the start skew, what went wrong, if anything, the workers left out of the
 * aggregate with why, how many workers' results it holds, and the exact fleet-wide aggregate with every label
 * (null when no worker produced results), which thresholds are judged on.
 */
public record RunSummary(ResultStatus result, long startedAtMs, long finishedAtMs, Long startSkewMs, int reported,
                         int failed, boolean allCompleted, String problems, List<ExcludedWorker> excluded, int aggregated,
                         AggregateResult aggregate) {

    public RunSummary {
        excluded = List.copyOf(excluded);
    }
}
