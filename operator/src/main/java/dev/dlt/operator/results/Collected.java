package dev.dlt.operator.results;

import dev.dlt.results.layout.LeaderReport;
import java.util.List;
import java.util.Map;

/**
 * Everything collected from S3 for a run so far: every expected worker, each region's leader
 * report, and the aggregate of the workers whose results were merged.
 */
public record Collected(List<CollectedWorker> workers, Map<String, LeaderReport> leaders, MergedResults merged) {

    public Collected {
        workers = List.copyOf(workers);
        leaders = Map.copyOf(leaders);
    }

    /** Workers and leaders without merged results (nothing readable was collected). */
    public Collected(List<CollectedWorker> workers, Map<String, LeaderReport> leaders) {
        this(workers, leaders, MergedResults.none());
    }

    public boolean allReported() {
        return workers.stream().allMatch(CollectedWorker::reported);
    }

    public long reportedCount() {
        return workers.stream().filter(CollectedWorker::reported).count();
    }
}
