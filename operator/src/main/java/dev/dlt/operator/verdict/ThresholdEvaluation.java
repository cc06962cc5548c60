package dev.dlt.operator.verdict;

import java.util.List;
import java.util.stream.Collectors;

/** Every threshold checked against one result, in spec order. */
public record ThresholdEvaluation(List<ThresholdCheck> checks) {

    public ThresholdEvaluation {
        checks = List.copyOf(checks);
    }

    public boolean empty() {
        return checks.isEmpty();
    }

    public boolean allPassed() {
        return checks.stream().allMatch(ThresholdCheck::passed);
    }

    public List<ThresholdCheck> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** True when some percentile was measured on approximate (not merged-histogram) values. */
    public boolean approximate() {
        return checks.stream().anyMatch(c -> !c.exact());
    }

    /** Every threshold with its measured value, separated by {@code ; }. */
    public String describe() {
        return checks.stream().map(ThresholdCheck::describe).collect(Collectors.joining("; "));
    }
}
