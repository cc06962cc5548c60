package dev.dlt.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.verdict.RunVerdict;
import dev.dlt.operator.verdict.Verdict;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The verdict in status: the Passed condition through a run, result.verdict, history, and the kubectl columns. */
class VerdictStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private final LoadTestStatus status = new LoadTestStatus();

    @Test
    void passedIsUnknownWhileTheRunIsInProgress() {
        LoadTestStatusBuilder.newRun(status, "r1", 1, 3, T0);
        Condition passed = passed();
        assertThat(passed.getStatus()).isEqualTo("Unknown");
        assertThat(passed.getReason()).isEqualTo("RunInProgress");
    }

    @Test
    void aFailedVerdictIsInResultConditionAndHistory() {
        LoadTestStatusBuilder.newRun(status, "r1", 1, 3, T0);
        status.setResult(result(212.44, 3.5));
        RunVerdict failed = new RunVerdict(Verdict.Failed, RunVerdict.THRESHOLDS_BROKEN,
                "1 of 1 thresholds broken: errorRate below 1%: 3.50% (FAIL)");

        LoadTestStatusBuilder.verdict(status, failed, 1, T0.plusSeconds(10));
        LoadTestStatusBuilder.ending(status, Phase.Succeeded, "Completed", "done", 1, T0.plusSeconds(10));
        LoadTestStatusBuilder.finish(status, true, null, 10, 1, T0.plusSeconds(11));

        assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Failed);
        assertThat(passed().getStatus()).isEqualTo("False");
        assertThat(passed().getReason()).isEqualTo("ThresholdsBroken");
        assertThat(passed().getMessage()).isEqualTo("Failed: 1 of 1 thresholds broken: errorRate below 1%: 3.50% (FAIL)");
        assertThat(passed().getLastTransitionTime()).isEqualTo(T0.plusSeconds(10).toString());
        assertThat(status.getHistory()).singleElement().satisfies(h -> {
            assertThat(h.getVerdict()).isEqualTo(Verdict.Failed);
            assertThat(h.getP95Ms()).isEqualTo(212.44);
            assertThat(h.getErrorRate()).isEqualTo(3.5);
            assertThat(h.getRps()).isEqualTo(120.5);
        });
    }

    @Test
    void aPassedVerdictMakesTheConditionTrue() {
        LoadTestStatusBuilder.newRun(status, "r1", 1, 3, T0);
        status.setResult(result(20, 0));
        LoadTestStatusBuilder.verdict(status, new RunVerdict(Verdict.Passed, RunVerdict.THRESHOLDS_MET, "all 1 thresholds met"), 1, T0);
        assertThat(passed().getStatus()).isEqualTo("True");
        assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Passed);
    }

    @Test
    void aRunThatEndsBeforeItsVerdictLeavesNoUnknownCondition() {
        LoadTestStatusBuilder.newRun(status, "r1", 1, 3, T0);
        LoadTestStatusBuilder.ending(status, Phase.Cancelled, "Cancelled", "spec changed", 1, T0.plusSeconds(2));
        LoadTestStatusBuilder.finish(status, true, null, 10, 1, T0.plusSeconds(3));

        assertThat(passed().getStatus()).isEqualTo("False");
        assertThat(passed().getReason()).isEqualTo("NotJudged");
        assertThat(passed().getMessage()).isEqualTo("the run ended Cancelled before its result was judged");
    }

    @Test
    void theColumnsShowWorkersReadyThenReportedAndTheP95() {
        LoadTestStatusBuilder.newRun(status, "r1", 1, 3, T0);
        LoadTestStatusBuilder.columns(status);
        assertThat(status.getWorkers()).isEqualTo("0/3");
        assertThat(status.getP95()).isNull();

        status.getRun().getWorkers().setReady(2);
        LoadTestStatusBuilder.columns(status);
        assertThat(status.getWorkers()).isEqualTo("2/3");

        status.getRun().getWorkers().setReported(3);
        status.setResult(result(212.44, 0));
        LoadTestStatusBuilder.columns(status);
        assertThat(status.getWorkers()).isEqualTo("3/3");
        assertThat(status.getP95()).isEqualTo("212ms");

        status.setResult(result(8.26, 0));
        LoadTestStatusBuilder.columns(status);
        assertThat(status.getP95()).isEqualTo("8.3ms");
        status.setResult(result(12_345, 0));
        LoadTestStatusBuilder.columns(status);
        assertThat(status.getP95()).isEqualTo("12.3s");
    }

    private Condition passed() {
        return Conditions.get(status.getConditions(), Conditions.PASSED).orElseThrow();
    }

    private static ResultStatus result(double p95, double errorRate) {
        ResultStatus r = new ResultStatus();
        r.setRunId("r1");
        r.setRequests(1205L);
        r.setRps(120.5);
        r.setP95Ms(p95);
        r.setErrorRate(errorRate);
        return r;
    }
}
