package dev.dlt.operator.results;

import dev.dlt.operator.api.ResultStatus;

/**
 * The outcome of a finished run: its result (null when no worker produced one), when load really
 * started and ended, the start skew, and what went wrong, if anything.
 */
public record RunSummary(ResultStatus result, long startedAtMs, long finishedAtMs, Long startSkewMs, int reported,
                         int failed, boolean allCompleted, String problems) {
}
