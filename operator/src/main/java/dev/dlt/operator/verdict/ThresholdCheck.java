package dev.dlt.operator.verdict;

/**
 * One threshold checked against a result: the value measured ({@code null} when the label has no
 * samples, which fails the threshold), whether it passed, and whether the value is exact.
 */
public record ThresholdCheck(Threshold threshold, Double measured, boolean passed, boolean exact) {

    /** E.g. {@code p95 below 300ms: 212.4ms (pass)} or {@code errorRate[api] below 1%: no samples (fail)}. */
    public String describe() {
        String value = threshold.relative() ? "no baseline value"
                : measured == null ? "no samples" : threshold.metric().format(measured) + (exact ? "" : " approximate");
        return threshold.describe() + ": " + value + " (" + (passed ? "pass" : "FAIL") + ")";
    }
}
