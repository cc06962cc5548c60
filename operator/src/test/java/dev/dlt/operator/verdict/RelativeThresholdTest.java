package dev.dlt.operator.verdict;

import static dev.dlt.operator.verdict.Aggregates.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.aggregate.AggregateResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds relative to the baseline run: parsing, resolving against the baseline's value, and judging without a baseline. */
class RelativeThresholdTest {

    private static final RunCompleteness COMPLETE = new RunCompleteness(1, 1, 10, 10);
    private final RunJudge judge = new RunJudge();
    private final AggregateResult baseline = new Aggregates().worker("b", r -> samples(r, "api", 100, 100, 0)).merged();

    @Test
    void parsesAPercentageChangeForAnyMetric() {
        Threshold p95 = ThresholdParser.parseValid("p95", null, "10%", null, "baseline");
        Threshold rps = ThresholdParser.parseValid("rps", "api", null, "5%", "baseline");

        assertThat(p95.relative()).isTrue();
        assertThat(p95.describe()).isEqualTo("p95 below baseline +10%");
        assertThat(rps.describe()).isEqualTo("rps[api] above baseline -5%");
        assertThat(p95.against(200).bound()).isEqualTo(220.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rps.against(200).bound()).isEqualTo(190.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rps.against(200).describe()).isEqualTo("rps[api] above baseline -5% (190.0)");
    }

    @Test
    void refusesADurationOrAnUnknownReference() {
        assertThat(ThresholdParser.parse("p95", null, "300ms", null, "baseline").problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("is not a percentage from 0% to 100%"));
        assertThat(ThresholdParser.parse("p95", null, "10%", null, "yesterday").problems())
                .extracting(ThresholdParser.Problem::field).containsExactly("relativeTo");
    }

    @Test
    void aRelativeThresholdIsJudgedOnTheBaselinesValue() {
        AggregateResult slower = new Aggregates().worker("c", r -> samples(r, "api", 100, 115, 0)).merged();
        AggregateResult same = new Aggregates().worker("c", r -> samples(r, "api", 100, 105, 0)).merged();
        List<Threshold> thresholds = List.of(ThresholdParser.parseValid("p95", "api", "10%", null, "baseline"));

        RunVerdict failed = judge.judge(thresholds, slower, COMPLETE, baseline);
        RunVerdict passed = judge.judge(thresholds, same, COMPLETE, baseline);

        assertThat(failed.verdict()).isEqualTo(Verdict.Failed);
        assertThat(failed.message()).contains("p95[api] below baseline +10% (110.0ms): 115.0ms (FAIL)");
        assertThat(passed.verdict()).isEqualTo(Verdict.Passed);
    }

    @Test
    void withoutABaselineTheRunIsInconclusiveUnlessAnAbsoluteThresholdFailed() {
        AggregateResult run = new Aggregates().worker("c", r -> samples(r, "api", 100, 100, 0)).merged();
        Threshold relative = ThresholdParser.parseValid("p95", null, "10%", null, "baseline");
        Threshold broken = ThresholdParser.parseValid("avg", null, "50ms", null);
        Threshold met = ThresholdParser.parseValid("avg", null, "1s", null);

        RunVerdict inconclusive = judge.judge(List.of(relative, met), run, COMPLETE, null);
        RunVerdict failed = judge.judge(List.of(relative, broken), run, COMPLETE, null);

        assertThat(inconclusive.verdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(inconclusive.reason()).isEqualTo(RunVerdict.NO_BASELINE);
        assertThat(inconclusive.message()).startsWith("cannot pass: no baseline run to compare with (see status.comparison) for p95 below baseline +10%");
        assertThat(failed.verdict()).isEqualTo(Verdict.Failed);
        assertThat(failed.message()).contains("not judged: no baseline run");
    }

    @Test
    void anEvaluatorGivenAnUnresolvedRelativeThresholdNeitherPassesNorProvesAFailure() {
        ThresholdCheck check = new ThresholdEvaluator().evaluate(List.of(ThresholdParser.parseValid("p95", null, "10%", null, "baseline")),
                baseline).checks().getFirst();

        assertThat(check.passed()).isFalse();
        assertThat(check.exact()).isFalse();
        assertThat(check.describe()).isEqualTo("p95 below baseline +10%: no baseline value (FAIL)");
    }
}
