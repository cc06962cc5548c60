package dev.dlt.operator.results;

import dev.dlt.results.layout.WorkerReport;

/**
 * What became of one worker's files in S3: whether its report exists, the report when readable,
 * whether its results were merged into the run's aggregate, and otherwise why not.
 */
public record CollectedWorker(String region, String workerId, boolean reported, WorkerReport report, boolean aggregated,
                              String problem) {

    static CollectedWorker missing(String region, String workerId) {
        return new CollectedWorker(region, workerId, false, null, false, "no report in S3");
    }

    public boolean completed() {
        return report != null && WorkerReport.COMPLETED.equals(report.outcome()) && aggregated;
    }
}
