package dev.dlt.operator.verdict;

/**
 * The verdict on a run, the reason for its {@code Passed} condition (CamelCase) and a message that
 * lists every threshold with its measured value.
 */
public record RunVerdict(Verdict verdict, String reason, String message) {

    /** Reason: every threshold held on a complete run. */
    public static final String THRESHOLDS_MET = "ThresholdsMet";
    /** Reason: a threshold broke on a complete run. */
    public static final String THRESHOLDS_BROKEN = "ThresholdsBroken";
    /** Reason: workers missing from the result, or the load ran shorter than 90 % of ramp-up + hold-for. */
    public static final String INCOMPLETE_RUN = "IncompleteRun";
    /** Reason: a percentile threshold met values that are not from merged histograms. */
    public static final String APPROXIMATE_PERCENTILES = "ApproximatePercentiles";
    /** Reason: a threshold is relative to the baseline, and there is no baseline value to start from. */
    public static final String NO_BASELINE = "NoBaseline";

    /** Reason: an {@code abortOnFail} threshold broke on the live numbers and the run was stopped early. */
    public static final String ABORTED_ON_THRESHOLD = "AbortedOnThreshold";
    /** Reason: the spec sets no thresholds. */
    public static final String NO_THRESHOLDS = "NoThresholds";

    public boolean passed() {
        return verdict == Verdict.Passed;
    }
}
