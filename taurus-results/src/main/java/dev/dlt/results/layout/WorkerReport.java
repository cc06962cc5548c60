package dev.dlt.results.layout;

/**
 * What a worker says about its own run, uploaded next to its Taurus report: when it heard the start
 * signal, when it was asked to start and really started, when it ended, and how.
 *
 * @param startAtMs    the start instant the leader's message carried (epoch millis), or 0
 * @param receivedAtMs when the worker received the start message (its wall clock), or 0
 * @param startedAtMs  when load generation really began, or 0 when it never did
 * @param outcome      {@code COMPLETED}, {@code STOPPED} (asked to stop early), {@code NO_START_SIGNAL}
 *                     (no valid start message before the deadline: no load was generated) or {@code FAILED}
 */
public record WorkerReport(String workerId, String region, String engine, long startAtMs, long receivedAtMs,
                           long startedAtMs, long finishedAtMs, long samples, String outcome, String message) {

    public static final String COMPLETED = "COMPLETED";
    public static final String STOPPED = "STOPPED";
    public static final String NO_START_SIGNAL = "NO_START_SIGNAL";
    public static final String FAILED = "FAILED";

    public boolean generatedLoad() {
        return startedAtMs > 0;
    }
}
