package dev.dlt.operator.compare;

import dev.dlt.operator.api.ComparedFigures;
import dev.dlt.operator.api.ComparisonStatus;
import dev.dlt.operator.api.LabelComparisonStatus;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunSummary;
import dev.dlt.operator.compare.RunComparator.Figures;
import dev.dlt.operator.compare.RunComparator.LabelComparison;
import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import dev.dlt.results.aggregate.RunAccumulator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * At the end of a run: keeps the run's basis for later runs, then finds the baseline that
 * {@code spec.baseline} names ({@code previous}: the newest Succeeded run in status.history; otherwise
 * that run id) and compares the run with it. An unavailable store is thrown (the step is retried); a
 * missing or unreadable baseline is a comparison without figures that says why.
 */
public class BaselineComparison {

    /** Labels shown in status.comparison besides the overall. */
    public static final int MAX_LABELS_IN_STATUS = 50;

    private final Baselines baselines;
    private final RunComparator comparator = new RunComparator();

    public BaselineComparison(Baselines baselines) {
        this.baselines = baselines;
    }

    /** The comparison for status (null without spec.baseline) and the baseline compared with (null when none). */
    public record Outcome(ComparisonStatus status, RunBasis baseline) {
    }

    public Outcome finish(LoadTest test, LoadTestStatus status, String runId, RunAccumulator merged, AggregateResult aggregate) {
        String testId = test.getMetadata().getNamespace() + "/" + test.getMetadata().getName();
        RunBasis current = null;
        if (aggregate != null) {
            List<String> busiest = aggregate.labels().stream().sorted(Comparator.comparingLong(LabelResult::requests).reversed())
                    .limit(Baselines.MAX_LABELS).map(LabelResult::label).toList();
            current = new RunBasis(runId, aggregate, merged.exactHistograms(busiest));
            baselines.save(testId, current);
        }
        String wanted = test.getSpec().getBaseline();
        if (wanted == null) {
            return new Outcome(null, null);
        }
        ComparisonStatus comparison = new ComparisonStatus();
        comparison.setRunId(runId);
        Optional<String> baselineId = "previous".equals(wanted) ? previousSucceeded(status, runId) : Optional.of(wanted);
        if (baselineId.isEmpty() || baselineId.get().equals(runId)) {
            comparison.setMessage("no baseline: no earlier run of this test ended Succeeded");
            return new Outcome(comparison, null);
        }
        comparison.setBaselineRunId(baselineId.get());
        Optional<RunBasis> baseline;
        try {
            baseline = baselines.load(testId, baselineId.get());
        } catch (IOException e) {
            comparison.setMessage("no baseline: the stored result of run " + baselineId.get() + " is unreadable: " + e.getMessage());
            return new Outcome(comparison, null);
        }
        if (baseline.isEmpty()) {
            comparison.setMessage("no baseline: run " + baselineId.get() + " has no stored result to compare with");
            return new Outcome(comparison, null);
        }
        if (current == null) {
            comparison.setMessage("not compared: this run produced no result");
            return new Outcome(comparison, baseline.get());
        }
        List<LabelComparison> labels = comparator.compare(baseline.get().aggregate(), baseline.get().histograms(), aggregate,
                current.histograms());
        comparison.setLabels(labels.stream().limit(MAX_LABELS_IN_STATUS + 1).map(BaselineComparison::toStatus).toList());
        LabelComparison overall = labels.getFirst();
        comparison.setMessage("compared with " + baselineId.get() + ": latency " + overall.latency() + ", errors " + overall.errors()
                + (labels.size() > 1 ? "; labels slower: " + labels.stream().skip(1)
                .filter(l -> l.latency() == RunComparator.Judgement.Slower).count() + " of " + (labels.size() - 1) : ""));
        return new Outcome(comparison, baseline.get());
    }

    private static Optional<String> previousSucceeded(LoadTestStatus status, String runId) {
        List<RunSummary> history = status.getHistory() == null ? List.of() : status.getHistory();
        return history.stream().filter(h -> h.getPhase() == Phase.Succeeded && h.getRunId() != null && !h.getRunId().equals(runId))
                .map(RunSummary::getRunId).findFirst();
    }

    private static LabelComparisonStatus toStatus(LabelComparison c) {
        LabelComparisonStatus s = new LabelComparisonStatus();
        s.setLabel(c.label());
        s.setBaseline(figures(c.baseline()));
        s.setCurrent(figures(c.current()));
        Figures b = c.baseline();
        Figures a = c.current();
        s.setChangePercent(new ComparedFigures(percent(b.p50Ms(), a.p50Ms()), percent(b.p95Ms(), a.p95Ms()), percent(b.p99Ms(), a.p99Ms()),
                percent(b.errorRate(), a.errorRate()), percent(b.rps(), a.rps())));
        s.setLatency(c.latency().name());
        s.setErrors(c.errors().name());
        s.setKsStatistic(c.ksStatistic() == null ? null : round(c.ksStatistic(), 4));
        s.setKsPValue(c.ksPValue() == null ? null : significant(c.ksPValue()));
        s.setErrorRatePValue(c.errorRatePValue() == null ? null : significant(c.errorRatePValue()));
        s.setReason(c.reason());
        return s;
    }

    private static ComparedFigures figures(Figures f) {
        return new ComparedFigures(round(f.p50Ms(), 2), round(f.p95Ms(), 2), round(f.p99Ms(), 2), round(f.errorRate() * 100, 3), round(f.rps(), 2));
    }

    private static Double percent(double baseline, double current) {
        Double change = LabelComparison.change(baseline, current);
        return change == null ? null : round(change * 100, 2);
    }

    private static double round(double value, int digits) {
        return java.math.BigDecimal.valueOf(value).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** Three significant digits, so a tiny p-value stays visible instead of rounding to 0. */
    private static double significant(double value) {
        return value == 0 ? 0 : new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue();
    }
}
