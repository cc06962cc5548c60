package dev.dlt.operator.results;

import dev.dlt.results.aggregate.WorkerResult;
import dev.dlt.results.layout.WorkerReport;

/**
 * What S3 holds of one worker: its own report and its results; either may be missing, and
 * {@code problem} then says why.
 */
public record CollectedWorker(String region, String workerId, WorkerReport report, WorkerResult result, String problem) {

    public boolean reported() {
        return report != null;
    }

    public boolean completed() {
        return report != null && WorkerReport.COMPLETED.equals(report.outcome()) && result != null;
    }
}
