package dev.dlt.operator.verdict;

import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a finished run's verdict from its thresholds, its fleet-wide aggregate and how complete
 * it was. A run can pass only when it is complete and every percentile it is judged on is exact;
 * it fails when a threshold measured exactly broke on a complete run.
 */
public final class RunJudge {

    private final ThresholdEvaluator evaluator = new ThresholdEvaluator();

    /**
     * The verdict on a run stopped early by an {@code abortOnFail} threshold: Failed, whatever the
     * collected result says, since the breach was measured on the whole fleet's live numbers; the short
     * run is explained by the stop, so it is not Inconclusive for it.
     *
     * @param breach what broke and when, as the run recorded it
     */
    public RunVerdict aborted(List<Threshold> thresholds, AggregateResult aggregate, String breach) {
        String collected = aggregate == null ? "no worker produced a result"
                : "on the collected result: " + evaluator.evaluate(thresholds, aggregate).describe();
        return new RunVerdict(Verdict.Failed, RunVerdict.ABORTED_ON_THRESHOLD, "stopped early: " + breach + "; " + collected);
    }

    /** {@code aggregate} is null when no worker produced a result. */
    public RunVerdict judge(List<Threshold> thresholds, AggregateResult aggregate, RunCompleteness completeness) {
        return judge(thresholds, aggregate, completeness, null);
    }

    /**
     * Judges thresholds relative to the baseline on {@code baseline} (null when there is none): each
     * becomes an absolute bound from the baseline's value; without a baseline value to start from, the
     * run cannot pass and, unless an absolute threshold failed, is Inconclusive.
     */
    public RunVerdict judge(List<Threshold> thresholds, AggregateResult aggregate, RunCompleteness completeness, AggregateResult baseline) {
        if (thresholds.stream().noneMatch(Threshold::relative) || thresholds.isEmpty() || aggregate == null) {
            return judgeAbsolute(thresholds, aggregate, completeness);
        }
        List<Threshold> resolved = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Threshold t : thresholds) {
            Optional<LabelResult> base = !t.relative() || baseline == null ? Optional.empty() : t.label() == null ? Optional.of(baseline.overall())
                    : baseline.labels().stream().filter(l -> t.label().equals(l.label())).findFirst();
            if (!t.relative()) {
                resolved.add(t);
            } else if (base.isPresent() && base.get().requests() > 0) {
                resolved.add(t.against(t.metric().read(base.get())));
            } else {
                unresolved.add(t.describe());
            }
        }
        if (unresolved.isEmpty()) {
            return judgeAbsolute(resolved, aggregate, completeness);
        }
        String why = (baseline == null ? "no baseline run to compare with (see status.comparison)" : "the baseline run has no requests")
                + " for " + String.join(", ", unresolved);
        RunVerdict rest = resolved.isEmpty() ? null : judgeAbsolute(resolved, aggregate, completeness);
        if (rest != null && rest.verdict() == Verdict.Failed) {
            return new RunVerdict(Verdict.Failed, rest.reason(), rest.message() + "; not judged: " + why);
        }
        return new RunVerdict(Verdict.Inconclusive, RunVerdict.NO_BASELINE, "cannot pass: " + why
                + (rest == null ? "" : "; " + rest.message()));
    }

    private RunVerdict judgeAbsolute(List<Threshold> thresholds, AggregateResult aggregate, RunCompleteness completeness) {
        if (thresholds.isEmpty()) {
            return new RunVerdict(Verdict.NoThresholds, RunVerdict.NO_THRESHOLDS, "spec.thresholds is empty: the run is not judged");
        }
        if (aggregate == null) {
            return new RunVerdict(Verdict.Inconclusive, RunVerdict.INCOMPLETE_RUN, "no worker produced a result to judge");
        }
        ThresholdEvaluation evaluation = evaluator.evaluate(thresholds, aggregate);
        String checks = evaluation.describe();
        var gap = completeness.gap();
        if (gap.isPresent()) {
            return new RunVerdict(Verdict.Inconclusive, RunVerdict.INCOMPLETE_RUN, "cannot pass: " + gap.get() + "; " + checks);
        }
        // a threshold broken on approximate percentiles alone proves nothing either way
        if (evaluation.failed().stream().anyMatch(ThresholdCheck::exact)) {
            int failed = evaluation.failed().size();
            return new RunVerdict(Verdict.Failed, RunVerdict.THRESHOLDS_BROKEN,
                    failed + " of " + thresholds.size() + " thresholds broken: " + checks);
        }
        if (evaluation.approximate()) {
            return new RunVerdict(Verdict.Inconclusive, RunVerdict.APPROXIMATE_PERCENTILES,
                    "cannot pass: some worker sent no latency histogram, so percentiles are approximate; " + checks);
        }
        return new RunVerdict(Verdict.Passed, RunVerdict.THRESHOLDS_MET, "all " + thresholds.size() + " thresholds met: " + checks);
    }
}
