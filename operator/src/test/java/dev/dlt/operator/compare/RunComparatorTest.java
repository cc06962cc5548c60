package dev.dlt.operator.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlt.operator.compare.RunComparator.Judgement;
import dev.dlt.operator.compare.RunComparator.LabelComparison;
import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RunComparatorTest {

    private final RunComparator comparator = new RunComparator();

    @Test
    void twoSamplesOfOneDistributionAreNoChange() {
        Sample a = lognormal(new Random(1), 20_000, 100, 0);
        Sample b = lognormal(new Random(2), 20_000, 100, 0);

        LabelComparison c = comparator.compare(a.result("api"), a.histogram(), b.result("api"), b.histogram());

        assertThat(c.latency()).isEqualTo(Judgement.NoChange);
        assertThat(c.errors()).isEqualTo(Judgement.NoChange);
        assertThat(c.ksPValue()).isGreaterThan(RunComparator.ALPHA);
        assertThat(c.ksStatistic()).isLessThan(0.02);
    }

    @Test
    void aDistributionShiftedBy20PercentIsSlowerAndBackIsFaster() {
        Sample a = lognormal(new Random(3), 5_000, 100, 0);
        Sample b = lognormal(new Random(4), 5_000, 120, 0);

        LabelComparison slower = comparator.compare(a.result("api"), a.histogram(), b.result("api"), b.histogram());
        LabelComparison faster = comparator.compare(b.result("api"), b.histogram(), a.result("api"), a.histogram());

        assertThat(slower.latency()).isEqualTo(Judgement.Slower);
        assertThat(slower.ksPValue()).isLessThan(1e-6);
        assertThat(LabelComparison.change(slower.baseline().p95Ms(), slower.current().p95Ms())).isCloseTo(0.2, within(0.05));
        assertThat(faster.latency()).isEqualTo(Judgement.Faster);
    }

    @Test
    void aSignificantButTinyShiftIsNoChange() {
        // 1 % slower on 200 000 samples each: KS notices, the effect is below the minimum
        Sample a = lognormal(new Random(5), 200_000, 100, 0);
        Sample b = lognormal(new Random(6), 200_000, 101.5, 0);

        LabelComparison c = comparator.compare(a.result("api"), a.histogram(), b.result("api"), b.histogram());

        assertThat(c.ksPValue()).isLessThan(RunComparator.ALPHA);
        assertThat(c.latency()).isEqualTo(Judgement.NoChange);
    }

    @Test
    void aLargeShiftOnFewSamplesIsNotCalledWithoutSignificance() {
        Sample a = lognormal(new Random(7), 40, 100, 0);
        Sample b = lognormal(new Random(8), 40, 106, 0);
        Sample tiny = lognormal(new Random(9), 10, 300, 0);

        LabelComparison few = comparator.compare(a.result("api"), a.histogram(), b.result("api"), b.histogram());
        LabelComparison tooFew = comparator.compare(a.result("api"), a.histogram(), tiny.result("api"), tiny.histogram());

        assertThat(few.ksPValue()).isGreaterThan(RunComparator.ALPHA);
        assertThat(few.latency()).isEqualTo(Judgement.NoChange);
        assertThat(tooFew.latency()).isEqualTo(Judgement.Inconclusive);
        assertThat(tooFew.errors()).isEqualTo(Judgement.Inconclusive);
        assertThat(tooFew.ksStatistic()).isNull();
    }

    @Test
    void errorRatesAreJudgedWithTheTwoProportionTest() {
        Sample a = lognormal(new Random(10), 10_000, 100, 100);   // 1 %
        Sample b = lognormal(new Random(11), 10_000, 100, 300);   // 3 %
        Sample c = lognormal(new Random(12), 10_000, 100, 110);   // 1.1 %

        assertThat(comparator.compare(a.result("api"), a.histogram(), b.result("api"), b.histogram()).errors())
                .isEqualTo(Judgement.MoreErrors);
        assertThat(comparator.compare(b.result("api"), b.histogram(), a.result("api"), a.histogram()).errors())
                .isEqualTo(Judgement.FewerErrors);
        assertThat(comparator.compare(a.result("api"), a.histogram(), c.result("api"), c.histogram()).errors())
                .isEqualTo(Judgement.NoChange);
    }

    @Test
    void withoutAnExactHistogramLatencyIsInconclusive() {
        Sample a = lognormal(new Random(13), 1_000, 100, 0);

        LabelComparison c = comparator.compare(a.result("api"), null, a.result("api"), a.histogram());

        assertThat(c.latency()).isEqualTo(Judgement.Inconclusive);
        assertThat(c.reason()).contains("no exact merged histogram");
    }

    @Test
    void comparesTheWholeRunAndTheLabelsBothRunsHave() {
        Sample a = lognormal(new Random(14), 1_000, 100, 0);
        Sample b = lognormal(new Random(15), 1_000, 150, 0);
        AggregateResult before = new AggregateResult(a.result(""), List.of(a.result("api"), a.result("gone")), 1, 60);
        AggregateResult after = new AggregateResult(b.result(""), List.of(b.result("api"), b.result("new")), 1, 60);

        List<LabelComparison> all = comparator.compare(before, Map.of("", a.histogram(), "api", a.histogram()),
                after, Map.of("", b.histogram(), "api", b.histogram()));

        assertThat(all).extracting(LabelComparison::label).containsExactly("", "api");
        assertThat(all).extracting(LabelComparison::latency).containsOnly(Judgement.Slower);
    }

    @Test
    void kolmogorovPValueMatchesKnownQuantiles() {
        // for large samples, sqrt(n m / (n + m)) D = 1.358 is the 5 % critical value, 1.628 the 1 %
        long n = 1_000_000;
        double scale = Math.sqrt(n / 2.0);
        assertThat(KolmogorovSmirnov.pValue(1.358 / scale, n, n)).isCloseTo(0.05, within(0.002));
        assertThat(KolmogorovSmirnov.pValue(1.628 / scale, n, n)).isCloseTo(0.01, within(0.001));
        assertThat(KolmogorovSmirnov.pValue(0, n, n)).isEqualTo(1.0);
    }

    @Test
    void normalTailMatchesKnownQuantiles() {
        assertThat(ProportionTest.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(ProportionTest.upperTail(0)).isCloseTo(0.5, within(1e-6));
        assertThat(ProportionTest.upperTail(-1.959964)).isCloseTo(0.975, within(1e-6));
        assertThat(ProportionTest.test(0, 100, 0, 100).pValue()).isEqualTo(1.0);
    }

    @Test
    void identicalHistogramsHaveNoGap() {
        Sample a = lognormal(new Random(16), 1_000, 100, 0);
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(a.histogram(), a.histogram());
        assertThat(r.d()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    /** Log-normal response times (sigma 0.5) with the given median in ms; the first {@code failures} requests failed. */
    static Sample lognormal(Random random, int count, double medianMs, int failures) {
        Histogram h = LatencyHistograms.newHistogram();
        for (int i = 0; i < count; i++) {
            h.recordValue(LatencyHistograms.clamp(Math.round(medianMs * 1000 * Math.exp(0.5 * random.nextGaussian()))));
        }
        return new Sample(h, failures);
    }

    record Sample(Histogram full, int failures) {

        SparseHistogram histogram() {
            return SparseHistogram.of(full);
        }

        LabelResult result(String label) {
            long n = full.getTotalCount();
            return new LabelResult(label, n, n - failures, failures, (double) failures / n, n / 60.0, full.getMean() / 1e3, 0, 0, 0, 0, 1,
                    Map.of(), full.getMinValue() / 1e3, full.getValueAtPercentile(50) / 1e3, full.getValueAtPercentile(90) / 1e3,
                    full.getValueAtPercentile(95) / 1e3, full.getValueAtPercentile(99) / 1e3, full.getValueAtPercentile(99.9) / 1e3,
                    full.getMaxValue() / 1e3, true);
        }
    }
}
