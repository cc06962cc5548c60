package dev.dlt.operator.results;

/** A worker whose results are not in the run's aggregate, and why. */
public record ExcludedWorker(String region, String workerId, String reason) {

    @Override
    public String toString() {
        return region + "/" + workerId + ": " + reason;
    }
}
