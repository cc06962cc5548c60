package dev.dlt.results.layout;

import java.util.List;

/**
 * What a worker says about its own run, uploaded next to its Taurus report: when it heard the start
 * signal, when it was asked to start and really started, when it ended, and how.
 *
 * @param startAtMs    the start instant the leader's message carried (epoch millis), or 0
 * @param receivedAtMs when the worker received the start message (its wall clock), or 0
 * @param startedAtMs  when load generation really began, or 0 when it never did
 * @param outcome      {@code COMPLETED}, {@code STOPPED} (asked to stop early), {@code NO_START_SIGNAL}
 *                     (no valid start message before the deadline: no load was generated) or {@code FAILED}
 * @param flags        what makes a run that did not fail suspect: {@value #SHORT_RUN}, {@value #NO_SAMPLES},
 *                     {@value #ONLY_ERRORS}; empty when none (and in reports written before flags existed)
 * @param loadStartedAtMs  when the engine sent its first request (after an external engine like bzt started), or 0
 * @param loadFinishedAtMs when the engine's last request ended (before an external engine shut down), or 0
 * @param openModel        for an open-model run: what its schedule asked for and what was sent and dropped; null otherwise
 */
public record WorkerReport(String workerId, String region, String engine, long startAtMs, long receivedAtMs,
                           long startedAtMs, long finishedAtMs, long samples, String outcome, String message,
                           List<String> flags, long loadStartedAtMs, long loadFinishedAtMs, OpenModelReport openModel) {

    public static final String COMPLETED = "COMPLETED";
    public static final String STOPPED = "STOPPED";
    public static final String NO_START_SIGNAL = "NO_START_SIGNAL";
    public static final String FAILED = "FAILED";

    /** The engine ran far shorter than ramp-up + hold-for without being asked to stop. */
    public static final String SHORT_RUN = "SHORT_RUN";
    /** The engine ran but recorded no sample. */
    public static final String NO_SAMPLES = "NO_SAMPLES";
    /** Every sample the engine recorded failed. */
    public static final String ONLY_ERRORS = "ONLY_ERRORS";

    public WorkerReport {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public WorkerReport(String workerId, String region, String engine, long startAtMs, long receivedAtMs, long startedAtMs,
                        long finishedAtMs, long samples, String outcome, String message) {
        this(workerId, region, engine, startAtMs, receivedAtMs, startedAtMs, finishedAtMs, samples, outcome, message, List.of());
    }

    public WorkerReport(String workerId, String region, String engine, long startAtMs, long receivedAtMs, long startedAtMs,
                        long finishedAtMs, long samples, String outcome, String message, List<String> flags) {
        this(workerId, region, engine, startAtMs, receivedAtMs, startedAtMs, finishedAtMs, samples, outcome, message, flags, 0, 0);
    }

    /** A report of a closed-model run. */
    public WorkerReport(String workerId, String region, String engine, long startAtMs, long receivedAtMs, long startedAtMs,
                        long finishedAtMs, long samples, String outcome, String message, List<String> flags, long loadStartedAtMs,
                        long loadFinishedAtMs) {
        this(workerId, region, engine, startAtMs, receivedAtMs, startedAtMs, finishedAtMs, samples, outcome, message, flags,
                loadStartedAtMs, loadFinishedAtMs, null);
    }

    /** When load really began: the first request, or the engine's start when that is not known. */
    public long loadStartMs() {
        return loadStartedAtMs > 0 && loadStartedAtMs >= startedAtMs ? loadStartedAtMs : startedAtMs;
    }

    /** When load really ended: the last request, or the engine's end when that is not known. */
    public long loadEndMs() {
        return loadFinishedAtMs > 0 && loadFinishedAtMs <= finishedAtMs && loadFinishedAtMs >= loadStartMs() ? loadFinishedAtMs : finishedAtMs;
    }

    public boolean generatedLoad() {
        return startedAtMs > 0;
    }
}
