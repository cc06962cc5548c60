package dev.dlt.operator.store;

import dev.dlt.operator.api.ResultStatus;

/**
 * What is kept of a finished run: which test and run, how it ended, when, and its result (null when
 * it produced none).
 */
public record RunRecord(String testId, String namespace, String name, String runId, long generation, String phase,
                        String message, String startedAt, String finishedAt, int workers, Long startSkewMs,
                        ResultStatus result) {
}
