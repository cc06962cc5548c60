package dev.dlt.operator.compare;

import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.taurus.FinalStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a run with its baseline, overall and per label. Latency is judged on the whole distribution,
 * not on one percentile: a label is {@code Slower} or {@code Faster} only when the two-sample
 * Kolmogorov–Smirnov test on the merged histograms is significant at {@link #ALPHA} and the p95 moved by
 * at least {@link #MIN_P95_CHANGE}; with huge samples KS flags differences too small to matter, and a
 * large p95 change on few samples can be chance, so both must hold. Errors are judged with the
 * two-proportion z-test at {@link #ALPHA} and a change of at least {@link #MIN_ERROR_RATE_CHANGE}.
 */
public final class RunComparator {

    /** Significance level of both tests. */
    public static final double ALPHA = 0.01;
    /** Smallest relative p95 change that counts as slower or faster. */
    public static final double MIN_P95_CHANGE = 0.05;
    /** Smallest absolute error-rate change (a fraction: 0.001 = 0.1 percentage point) that counts. */
    public static final double MIN_ERROR_RATE_CHANGE = 0.001;
    /** Fewer requests than this on either side and nothing is judged. */
    public static final long MIN_SAMPLES = 30;

    /** How a label's latency or error rate changed from the baseline. */
    public enum Judgement { Slower, Faster, MoreErrors, FewerErrors, NoChange, Inconclusive }

    /** The figures of one label in one run. */
    public record Figures(long requests, double p50Ms, double p95Ms, double p99Ms, double errorRate, double rps) {

        static Figures of(LabelResult r) {
            return new Figures(r.requests(), r.p50Ms(), r.p95Ms(), r.p99Ms(), r.errorRate(), r.rps());
        }
    }

    /**
     * One label (or the whole run, label {@code ""}) in both runs, the tests' statistics ({@code null}
     * when not computed) and the judgements with why.
     */
    public record LabelComparison(String label, Figures baseline, Figures current, Double ksStatistic, Double ksPValue,
                                  Double errorRatePValue, Judgement latency, Judgement errors, String reason) {

        /** Relative change of a figure, e.g. 0.1 for 10 % more; null when the baseline is 0. */
        public static Double change(double baseline, double current) {
            return baseline == 0 ? null : (current - baseline) / baseline;
        }
    }

    /** Both runs, label by label: the whole run first, then the labels of the current run that the baseline has too. */
    public List<LabelComparison> compare(AggregateResult baseline, Map<String, SparseHistogram> baselineHistograms,
                                         AggregateResult current, Map<String, SparseHistogram> currentHistograms) {
        List<LabelComparison> result = new ArrayList<>();
        result.add(compare(baseline.overall(), baselineHistograms.get(FinalStatus.OVERALL), current.overall(),
                currentHistograms.get(FinalStatus.OVERALL)));
        for (LabelResult label : current.labels()) {
            baseline.labels().stream().filter(b -> b.label().equals(label.label())).findFirst().ifPresent(b ->
                    result.add(compare(b, baselineHistograms.get(b.label()), label, currentHistograms.get(label.label()))));
        }
        return result;
    }

    /** One label; a histogram is null when that run's percentiles are not exact. */
    public LabelComparison compare(LabelResult baseline, SparseHistogram baselineHistogram, LabelResult current,
                                   SparseHistogram currentHistogram) {
        Figures before = Figures.of(baseline);
        Figures after = Figures.of(current);
        if (baseline.requests() < MIN_SAMPLES || current.requests() < MIN_SAMPLES) {
            return new LabelComparison(current.label(), before, after, null, null, null, Judgement.Inconclusive,
                    Judgement.Inconclusive, "fewer than " + MIN_SAMPLES + " requests in a run");
        }
        ProportionTest.Result errors = ProportionTest.test(baseline.fail(), baseline.requests(), current.fail(), current.requests());
        double errorChange = current.errorRate() - baseline.errorRate();
        Judgement errorJudgement = errors.pValue() < ALPHA && Math.abs(errorChange) >= MIN_ERROR_RATE_CHANGE
                ? (errorChange > 0 ? Judgement.MoreErrors : Judgement.FewerErrors) : Judgement.NoChange;
        if (baselineHistogram == null || currentHistogram == null
                || baselineHistogram.totalCount() < MIN_SAMPLES || currentHistogram.totalCount() < MIN_SAMPLES) {
            return new LabelComparison(current.label(), before, after, null, null, errors.pValue(), Judgement.Inconclusive,
                    errorJudgement, "latency not judged: a run has no exact merged histogram of this label");
        }
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.test(baselineHistogram, currentHistogram);
        Double p95Change = LabelComparison.change(before.p95Ms(), after.p95Ms());
        boolean significant = ks.pValue() < ALPHA;
        boolean large = p95Change != null && Math.abs(p95Change) >= MIN_P95_CHANGE;
        Judgement latency = significant && large ? (p95Change > 0 ? Judgement.Slower : Judgement.Faster) : Judgement.NoChange;
        String reason = String.format(java.util.Locale.ROOT, "KS D=%.4f p=%.3g (%s at %.2f), p95 %s (%s at %.0f%%)", ks.d(), ks.pValue(),
                significant ? "significant" : "not significant", ALPHA,
                p95Change == null ? "n/a" : String.format(java.util.Locale.ROOT, "%+.1f%%", p95Change * 100),
                large ? "large enough" : "below", MIN_P95_CHANGE * 100);
        return new LabelComparison(current.label(), before, after, ks.d(), ks.pValue(), errors.pValue(), latency, errorJudgement, reason);
    }
}
