package dev.dlt.operator.verdict;

import static dev.dlt.operator.verdict.Aggregates.samples;
import static dev.dlt.operator.verdict.ThresholdEvaluatorTest.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.ResultAggregator;
import dev.dlt.results.aggregate.WorkerResult;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A verdict only on a complete run: Passed, Failed, Inconclusive with its reason, NoThresholds. */
class RunJudgeTest {

    private final RunJudge judge = new RunJudge();
    private final AggregateResult result = new Aggregates().worker("a", r -> samples(r, "page", 1_000, 20, 5))
            .worker("b", r -> samples(r, "page", 1_000, 20, 5)).merged();
    private final RunCompleteness complete = new RunCompleteness(2, 2, 10, 10);

    @Test
    void passesWhenEveryThresholdHoldsOnACompleteRun() {
        RunVerdict verdict = judge.judge(List.of(threshold("p95", null, "50ms", null), threshold("errorRate", null, "1%", null)),
                result, complete);
        assertThat(verdict.verdict()).isEqualTo(Verdict.Passed);
        assertThat(verdict.reason()).isEqualTo("ThresholdsMet");
        assertThat(verdict.message()).isEqualTo("all 2 thresholds met: p95 below 50ms: 20.0ms (pass); errorRate below 1%: 0.50% (pass)");
    }

    @Test
    void failsWhenOneBreaks() {
        RunVerdict verdict = judge.judge(List.of(threshold("p95", null, "50ms", null), threshold("errorRate", null, "0.1%", null)),
                result, complete);
        assertThat(verdict.verdict()).isEqualTo(Verdict.Failed);
        assertThat(verdict.reason()).isEqualTo("ThresholdsBroken");
        assertThat(verdict.message()).startsWith("1 of 2 thresholds broken: p95 below 50ms: 20.0ms (pass); errorRate below 0.1%: 0.50% (FAIL)");
    }

    @Test
    void aRunWithAWorkerMissingOrShortLoadCanNeverPass() {
        List<Threshold> lenient = List.of(threshold("p95", null, "1m", null));
        RunVerdict partial = judge.judge(lenient, result, new RunCompleteness(3, 2, 10, 10));
        assertThat(partial.verdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(partial.reason()).isEqualTo("IncompleteRun");
        assertThat(partial.message()).startsWith("cannot pass: 2 of 3 workers are in the result (see PartialResults); p95 below 1m");

        RunVerdict shortRun = judge.judge(lenient, result, new RunCompleteness(2, 2, 8.9, 10));
        assertThat(shortRun.verdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(shortRun.message()).startsWith("cannot pass: the load ran 8.9s, less than 90% of the planned 10.0s");
        assertThat(judge.judge(lenient, result, new RunCompleteness(2, 2, 9.0, 10)).verdict()).isEqualTo(Verdict.Passed);

        assertThat(judge.judge(lenient, null, new RunCompleteness(2, 0, 0, 10)).verdict()).isEqualTo(Verdict.Inconclusive);
    }

    @Test
    void percentilesWithoutHistogramsCannotPass() {
        // a worker that sent no histogram makes the percentiles count-weighted approximations
        GroupStats group = new GroupStats(100, 1, 100, 0, 0.02, 0, 0.01, 0, 100, Map.of("200", 100L), new TreeMap<>(Map.of(95.0, 0.03)));
        AggregateResult fleet = new ResultAggregator().aggregate(List.of(new WorkerResult("x", "r", new FinalStatus(10, Map.of("", group)),
                null)), 10);
        RunVerdict verdict = judge.judge(List.of(threshold("p95", null, "1s", null)), fleet, new RunCompleteness(1, 1, 10, 10));
        assertThat(verdict.verdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(verdict.reason()).isEqualTo("ApproximatePercentiles");
        assertThat(judge.judge(List.of(threshold("errorRate", null, "1%", null)), fleet, new RunCompleteness(1, 1, 10, 10)).verdict())
                .as("an error rate is exact without histograms").isEqualTo(Verdict.Passed);
    }

    @Test
    void noThresholdsIsNotAVerdictOnTheSystem() {
        assertThat(judge.judge(List.of(), result, complete).verdict()).isEqualTo(Verdict.NoThresholds);
        assertThat(judge.judge(List.of(), null, new RunCompleteness(2, 0, 0, 10)).verdict()).isEqualTo(Verdict.NoThresholds);
    }
}
