package dev.dlt.operator.verdict;

import static dev.dlt.operator.verdict.Aggregates.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.aggregate.AggregateResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds checked on the merged result: both ways, per label, and never per worker. */
class ThresholdEvaluatorTest {

    private final ThresholdEvaluator evaluator = new ThresholdEvaluator();

    /** 900 requests of 10 ms and 100 of 400 ms on "home", 10 of them failing; 100 of 50 ms on "api". */
    private final AggregateResult result = new Aggregates()
            .worker("a", r -> {
                samples(r, "home", 900, 10, 10);
                samples(r, "home", 100, 400, 0);
                samples(r, "api", 100, 50, 0);
            }).merged();

    @Test
    void eachMetricPassesOnOneSideOfItsBoundAndFailsOnTheOther() {
        // overall: 1100 requests, p50 10 ms, p95 ~400 ms, 10 failures = 0.909 %, 110 rps over 10 s
        assertThat(passed("p50", null, "20ms", null)).isTrue();
        assertThat(passed("p50", null, "5ms", null)).isFalse();
        assertThat(passed("p95", null, "500ms", null)).isTrue();
        assertThat(passed("p95", null, "300ms", null)).isFalse();
        assertThat(passed("p95", null, null, "0.3s")).isTrue();
        assertThat(passed("max", null, "0.5s", null)).isTrue();
        assertThat(passed("max", null, "350ms", null)).isFalse();
        assertThat(passed("avg", null, "100ms", null)).isTrue();
        assertThat(passed("avg", null, "10ms", null)).isFalse();
        assertThat(passed("errorRate", null, "1%", null)).isTrue();
        assertThat(passed("errorRate", null, "0.5%", null)).isFalse();
        assertThat(passed("rps", null, null, "100")).isTrue();
        assertThat(passed("rps", null, null, "120")).isFalse();
        assertThat(passed("requests", null, null, "1099")).isTrue();
        assertThat(passed("requests", null, null, "1100")).as("above is strict").isFalse();
        assertThat(passed("requests", null, "1100", null)).as("below is strict").isFalse();
    }

    @Test
    void aLabelIsJudgedOnItsOwnResult() {
        assertThat(passed("p95", "api", "60ms", null)).isTrue();
        assertThat(passed("p95", "home", "60ms", null)).isFalse();
        assertThat(passed("errorRate", "api", "0.1%", null)).isTrue();
        assertThat(passed("errorRate", "home", "0.1%", null)).isFalse();
        assertThat(passed("requests", "api", "101", null)).isTrue();
    }

    @Test
    void aLabelWithoutSamplesFailsAndSaysSo() {
        ThresholdCheck check = evaluator.evaluate(List.of(threshold("errorRate", "checkout", "1%", null)), result).checks().getFirst();
        assertThat(check.passed()).isFalse();
        assertThat(check.measured()).isNull();
        assertThat(check.describe()).isEqualTo("errorRate[checkout] below 1%: no samples (FAIL)");
    }

    @Test
    void theMessageListsEveryThresholdWithItsMeasuredValue() {
        ThresholdEvaluation evaluation = evaluator.evaluate(List.of(threshold("p50", null, "20ms", null),
                threshold("errorRate", null, "0.5%", null), threshold("requests", "api", null, "50")), result);
        assertThat(evaluation.describe()).isEqualTo("p50 below 20ms: 10.0ms (pass); errorRate below 0.5%: 0.91% (FAIL); "
                + "requests[api] above 50: 100 (pass)");
        assertThat(evaluation.allPassed()).isFalse();
        assertThat(evaluation.failed()).extracting(c -> c.threshold().metric()).containsExactly(ThresholdMetric.ERROR_RATE);
    }

    @Test
    void theMergedHistogramFailsWhereEveryFastWorkerAndTheAveragedPercentilesWouldPass() {
        // worker a: 20,000 requests of 10 ms; worker b: 5,000 of 300 ms. Pooled, 20 % are slow: p95 is 300 ms.
        Aggregates fleet = new Aggregates()
                .worker("a", r -> samples(r, "page", 20_000, 10, 0))
                .worker("b", r -> samples(r, "page", 5_000, 300, 0));
        Threshold p95 = threshold("p95", null, "200ms", null);
        AggregateResult merged = fleet.merged();
        AggregateResult a = fleet.only("a");
        AggregateResult b = fleet.only("b");
        double averagedP95 = (a.overall().requests() * a.overall().p95Ms() + b.overall().requests() * b.overall().p95Ms())
                / merged.overall().requests();

        assertThat(evaluator.evaluate(List.of(p95), merged).allPassed()).as("merged p95 %.1f ms", merged.overall().p95Ms()).isFalse();
        assertThat(p95.passes(averagedP95)).as("DLT's count-weighted average of per-worker p95s: %.1f ms", averagedP95).isTrue();
        assertThat(evaluator.evaluate(List.of(p95), a).allPassed()).as("the busiest worker alone").isTrue();
    }

    @Test
    void theMergedErrorRatePassesWhereOneSmallWorkerWouldFail() {
        // worker a: 2,000 good requests; worker b: 10 requests, 5 failed. Fleet-wide 5 / 2010 = 0.25 %.
        Aggregates fleet = new Aggregates()
                .worker("a", r -> samples(r, "page", 2_000, 10, 0))
                .worker("b", r -> samples(r, "page", 10, 10, 5));
        Threshold errors = threshold("errorRate", null, "1%", null);

        assertThat(evaluator.evaluate(List.of(errors), fleet.merged()).allPassed()).isTrue();
        assertThat(evaluator.evaluate(List.of(errors), fleet.only("b")).allPassed()).as("worker b alone: 50 %").isFalse();
        double averaged = (fleet.only("a").overall().errorRate() + fleet.only("b").overall().errorRate()) / 2 * 100;
        assertThat(errors.passes(averaged)).as("the mean of per-worker error rates: %.1f %%", averaged).isFalse();
    }

    private boolean passed(String metric, String label, String below, String above) {
        return evaluator.evaluate(List.of(threshold(metric, label, below, above)), result).allPassed();
    }

    static Threshold threshold(String metric, String label, String below, String above) {
        return ThresholdParser.parseValid(metric, label, below, above);
    }
}
