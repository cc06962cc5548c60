package dev.dlt.results.aggregate;

import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Aggregates workers' results exactly: counts are summed, means weighted by count, percentiles read
 * from merged histograms (never averaged, the mistake DLT made), and rates computed over the real
 * duration of the run.
 */
public final class ResultAggregator {

    /**
     * @param durationSeconds the run's real duration (first start to last end across workers); when
     *                        not positive, the longest {@code TestDuration} of the reports is used
     */
    public AggregateResult aggregate(List<WorkerResult> workers, double durationSeconds) {
        double duration = durationSeconds > 0 ? durationSeconds : workers.stream()
                .mapToDouble(w -> w.status().testDurationSeconds()).filter(Double::isFinite).max().orElse(0);
        GroupMerger overall = new GroupMerger();
        Map<String, GroupMerger> labels = new LinkedHashMap<>();
        for (WorkerResult worker : workers) {
            for (Map.Entry<String, GroupStats> group : worker.status().labels().entrySet()) {
                labels.computeIfAbsent(group.getKey(), l -> new GroupMerger())
                        .add(group.getValue(), histogram(worker, group.getKey()));
            }
            GroupStats workerOverall = worker.status().overall().orElse(null);
            if (workerOverall != null) {
                overall.add(workerOverall, histogram(worker, FinalStatus.OVERALL));
            } else {
                // a report without the overall group still counts: merge its labels instead
                worker.status().labels().forEach((label, g) -> overall.add(g, histogram(worker, label)));
            }
        }
        List<LabelResult> perLabel = new ArrayList<>();
        labels.forEach((label, merger) -> perLabel.add(merger.result(label, duration)));
        return new AggregateResult(overall.result(FinalStatus.OVERALL, duration), perLabel, workers.size(), duration);
    }

    private static Histogram histogram(WorkerResult worker, String label) {
        return worker.histograms() == null ? null : worker.histograms().get(label).orElse(null);
    }
}
