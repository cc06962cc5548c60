package dev.dlt.operator.verdict;

/**
 * Whether the system under test passed: {@code Passed} when every threshold held on a complete run,
 * {@code Failed} when one broke on a complete run, {@code Inconclusive} when the run was incomplete
 * (workers left out, load ran shorter than planned, percentiles only approximate) so it cannot pass,
 * {@code NoThresholds} when the spec sets none.
 */
public enum Verdict {
    Passed, Failed, Inconclusive, NoThresholds
}
