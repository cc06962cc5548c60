package dev.dlt.operator.verdict;

import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import java.util.List;
import java.util.Optional;

/**
 * Checks thresholds against one aggregate: the overall result for a threshold without a label, the
 * label's result otherwise. It reads only the aggregate it is given (for a run, the fleet-wide
 * result merged from every worker's histograms; for a live check, an interval's aggregate), so it
 * never sees a single worker's numbers.
 */
public final class ThresholdEvaluator {

    public ThresholdEvaluation evaluate(List<Threshold> thresholds, AggregateResult aggregate) {
        return new ThresholdEvaluation(thresholds.stream().map(t -> check(t, aggregate)).toList());
    }

    private static ThresholdCheck check(Threshold threshold, AggregateResult aggregate) {
        if (threshold.relative()) {
            // its bound is a percentage of a baseline value nobody gave (see Threshold#against): neither met nor proven broken
            return new ThresholdCheck(threshold, null, false, false);
        }
        Optional<LabelResult> result = threshold.label() == null ? Optional.of(aggregate.overall())
                : aggregate.labels().stream().filter(l -> threshold.label().equals(l.label())).findFirst();
        if (result.isEmpty() || result.get().requests() == 0) {
            return new ThresholdCheck(threshold, null, false, true);
        }
        double measured = threshold.metric().read(result.get());
        boolean exact = !threshold.metric().percentile() || result.get().percentilesExact();
        return new ThresholdCheck(threshold, measured, Double.isFinite(measured) && threshold.passes(measured), exact);
    }
}
