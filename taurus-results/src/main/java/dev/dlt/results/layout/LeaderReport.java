package dev.dlt.results.layout;

import java.util.List;

/**
 * What a region's leader did: the start instant it chose and, per worker, whether the start message
 * reached it and was acknowledged.
 *
 * @param outcome {@code STARTED} (every worker acknowledged), {@code PARTIAL} (some did not acknowledge
 *                in time) or {@code ABORTED} (some worker could not be reached by the deadline, so none
 *                was started)
 */
public record LeaderReport(String region, long startAtMs, long sentAtMs, String outcome, String message,
                           List<Ack> workers) {

    public static final String STARTED = "STARTED";
    public static final String PARTIAL = "PARTIAL";
    public static final String ABORTED = "ABORTED";

    /** One worker as seen by the leader. */
    public record Ack(String address, String workerId, boolean acknowledged, int connectAttempts,
                      long workerReceivedAtMs, long ackReceivedAtMs, String error) {
    }
}
