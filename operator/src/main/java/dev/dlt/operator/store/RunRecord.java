package dev.dlt.operator.store;

import dev.dlt.operator.api.ResultStatus;

/**
 * What is kept of a finished run: which test and run, how it ended, when, its result (null when it
 * produced none), its verdict on the thresholds (null when not judged), the spec it ran, as JSON
 * (null when the resource's spec has moved on to another generation since the run began), and what
 * started it (SpecChange, RunNow, Schedule or StartAt; null for runs from before triggers).
 */
public record RunRecord(String testId, String namespace, String name, String runId, long generation, String phase,
                        String message, String createdAt, String startedAt, String finishedAt, int workers, Long startSkewMs,
                        ResultStatus result, String verdict, String spec, String trigger) {

    /** The sort key of the run's item: by start (creation for runs that never started), then run id; the same on every retry. */
    public String runKey() {
        return "RUN#" + (startedAt != null ? startedAt : createdAt == null ? "" : createdAt) + "#" + runId;
    }
}
