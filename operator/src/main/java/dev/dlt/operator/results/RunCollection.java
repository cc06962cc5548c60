package dev.dlt.operator.results;

import dev.dlt.results.aggregate.OpenModelAccumulator;
import dev.dlt.results.aggregate.RunAccumulator;
import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.taurus.FinalStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the operator has collected of one run so far: the workers already read (never read again),
 * the leaders' reports and the aggregate they were merged into. Lives in memory until the run is
 * forgotten; after a restart the run is simply read again once.
 */
final class RunCollection {

    /** Held by one collect of this run at a time (its readers merge under {@code this}, not under this lock). */
    final Object collecting = new Object();
    private final RunAccumulator accumulator = new RunAccumulator();
    private final OpenModelAccumulator openModel = new OpenModelAccumulator();
    private final Map<String, CollectedWorker> done = new ConcurrentHashMap<>();
    private final Map<String, LeaderReport> leaders = new ConcurrentHashMap<>();
    private long firstStartMs = Long.MAX_VALUE;
    private long lastStartMs;
    private long lastEndMs;
    private long firstLoadMs = Long.MAX_VALUE;

    Optional<CollectedWorker> done(String region, String workerId) {
        return Optional.ofNullable(done.get(region + "/" + workerId));
    }

    void finish(CollectedWorker worker) {
        done.put(worker.region() + "/" + worker.workerId(), worker);
    }

    /** Validates a worker's results and merges them whole, or throws and merges nothing. */
    synchronized void merge(String region, WorkerReport report, FinalStatus status, Map<String, SparseHistogram> histograms)
            throws InvalidResultException {
        merge(region, report, status, histograms, null);
    }

    /**
     * Validates a worker's results and merges them whole, or throws and merges nothing.
     *
     * @param serviceOverall the overall service-time histogram of an open-model worker, or null
     */
    synchronized void merge(String region, WorkerReport report, FinalStatus status, Map<String, SparseHistogram> histograms,
                            SparseHistogram serviceOverall) throws InvalidResultException {
        OpenModelAccumulator.check(report.openModel());
        accumulator.add(region, status, histograms);
        if (report.openModel() != null) {
            openModel.add(report.openModel(), serviceOverall);
        }
        // the start skew is over the engines' starts; the rate over the time load really flowed
        firstStartMs = Math.min(firstStartMs, report.startedAtMs());
        lastStartMs = Math.max(lastStartMs, report.startedAtMs());
        firstLoadMs = Math.min(firstLoadMs, report.loadStartMs());
        lastEndMs = Math.max(lastEndMs, report.loadEndMs());
    }

    Map<String, LeaderReport> leaders() {
        return leaders;
    }

    synchronized MergedResults snapshot() {
        return accumulator.workers() == 0 ? new MergedResults(accumulator, 0, 0, 0, 0)
                : new MergedResults(accumulator, firstStartMs, lastStartMs, lastEndMs, firstLoadMs, openModel.result().orElse(null));
    }
}
