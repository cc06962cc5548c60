package dev.dlt.operator.results;

import dev.dlt.results.layout.LeaderReport;
import java.util.List;
import java.util.Map;

/** Everything collected from S3 for a run: every expected worker and each region's leader report. */
public record Collected(List<CollectedWorker> workers, Map<String, LeaderReport> leaders) {

    public boolean allReported() {
        return workers.stream().allMatch(CollectedWorker::reported);
    }

    public long reportedCount() {
        return workers.stream().filter(CollectedWorker::reported).count();
    }
}
