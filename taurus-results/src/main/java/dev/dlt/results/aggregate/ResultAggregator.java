package dev.dlt.results.aggregate;

import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.histogram.SparseHistogram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates workers' results exactly: counts are summed, means weighted by count, percentiles read
 * from merged histograms (never averaged, the mistake DLT made), and rates computed over the real
 * duration of the run. For results already in memory; {@link RunAccumulator} merges them as they are read.
 */
public final class ResultAggregator {

    /**
     * @param durationSeconds the run's real duration (first start to last end across workers); when
     *                        not positive, the longest {@code TestDuration} of the reports is used
     */
    public AggregateResult aggregate(List<WorkerResult> workers, double durationSeconds) {
        RunAccumulator run = new RunAccumulator();
        Map<String, String> excluded = new LinkedHashMap<>();
        for (WorkerResult worker : workers) {
            Map<String, SparseHistogram> histograms = new LinkedHashMap<>();
            if (worker.histograms() != null) {
                worker.histograms().asMap().forEach((label, h) -> histograms.put(label, SparseHistogram.of(h)));
            }
            try {
                run.add(worker.region() == null ? "" : worker.region(), worker.status(), histograms);
            } catch (InvalidResultException e) {
                excluded.put(worker.workerId(), e.getMessage());
            }
        }
        AggregateResult result = run.result(durationSeconds);
        return new AggregateResult(result.overall(), result.labels(), result.workers(), result.durationSeconds(), excluded);
    }
}
