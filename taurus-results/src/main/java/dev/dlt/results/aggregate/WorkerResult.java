package dev.dlt.results.aggregate;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.taurus.FinalStatus;
import java.util.Objects;

/**
 * One worker's results as collected from S3: its Taurus report and, when it uploaded them, its
 * latency histograms (without them, merged percentiles can only be approximated).
 */
public record WorkerResult(String workerId, String region, FinalStatus status, LatencyHistograms histograms) {

    public WorkerResult {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(status, "status");
    }
}
