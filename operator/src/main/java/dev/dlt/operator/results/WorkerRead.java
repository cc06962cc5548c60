package dev.dlt.operator.results;

import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.taurus.FinalStatus;
import java.util.Map;

/**
 * One worker's files as a reader left them: either already settled (missing, excluded) or parsed
 * results that the collecting thread still has to merge, so that only one thread ever merges.
 */
sealed interface WorkerRead {

    /** What became of the worker once its results, if any, are merged whole into {@code run} or refused. */
    CollectedWorker complete(RunCollection run);

    /** Whether this read holds parsed results (memory that is bounded until they are merged). */
    boolean holdsResults();

    /** A worker whose fate is known without merging anything. */
    record Settled(CollectedWorker worker) implements WorkerRead {

        @Override
        public CollectedWorker complete(RunCollection run) {
            return worker;
        }

        @Override
        public boolean holdsResults() {
            return false;
        }
    }

    /** A worker's readable files, validated when merged; a worker whose results do not add up is excluded. */
    record Parsed(String region, String workerId, WorkerReport report, FinalStatus status, Map<String, SparseHistogram> histograms,
                  SparseHistogram serviceOverall, boolean withHistograms) implements WorkerRead {

        @Override
        public CollectedWorker complete(RunCollection run) {
            try {
                run.merge(region, report, status, histograms, serviceOverall);
            } catch (Exception e) {
                // results that do not add up, or would overflow the run's totals: nothing of them was merged
                return new CollectedWorker(region, workerId, true, report, false, WorkerReader.describe(e));
            }
            return new CollectedWorker(region, workerId, true, report, true,
                    withHistograms ? null : "no histograms: percentiles approximated");
        }

        @Override
        public boolean holdsResults() {
            return true;
        }
    }
}
