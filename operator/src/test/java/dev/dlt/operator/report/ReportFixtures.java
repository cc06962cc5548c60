package dev.dlt.operator.report;

import dev.dlt.operator.api.LabelResultStatus;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.live.LiveRun;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRollup;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A finished run of one worker over four intervals (two labels, one with a hostile name), and its report. */
final class ReportFixtures {

    static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    static final String HOSTILE = "<script>alert(1)</script>";

    private ReportFixtures() {
    }

    static String report() {
        LiveRun live = new LiveRun(START, Duration.ofSeconds(20));
        IntervalRecorder recorder = new IntervalRecorder();
        LiveRollup rollup = new LiveRollup("w-0", "eks", START.toEpochMilli(), 5_000);
        for (int i = 0; i < 4; i++) {
            for (int n = 0; n < 100 * (i + 1); n++) {
                recorder.record(n % 2 == 0 ? "page" : HOSTILE, 1_000 + n * 50L, 10, n % 25 == 0 ? "500" : "200", n % 25 != 0);
            }
            rollup.add(recorder.roll(i, 4));
            live.accept("eks", "eks/w-0", rollup.record(START.toEpochMilli() + (i + 1) * 5_000L, i == 3), START.plusSeconds(5L * i + 5));
        }
        return RunReport.html(loadTest(), status(), live.points(), 5, 0);
    }

    static LoadTest loadTest() {
        return new KubernetesSerialization().unmarshal("""
                {"apiVersion":"load.dlt.dev/v1alpha1","kind":"LoadTest","metadata":{"name":"mix","namespace":"default"},
                 "spec":{"scenario":{"requests":[{"label":"page","url":"http://127.0.0.1/"}]},"load":{"concurrency":4,"holdFor":"20s"}}}
                """, LoadTest.class);
    }

    static LoadTestStatus status() {
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase(Phase.Succeeded);
        RunStatus run = new RunStatus();
        run.setId("run-1");
        run.setStartedAt(START.toString());
        run.setFinishedAt(START.plusSeconds(20).toString());
        run.setStartSkewMs(4L);
        run.setOutcome(Phase.Succeeded);
        run.setOutcomeReason("Completed");
        run.setOutcomeMessage("1000 requests, 50.0 rps");
        status.setRun(run);
        ResultStatus result = new ResultStatus();
        result.setRequests(1000L);
        result.setFailures(40L);
        result.setP95Ms(12.5);
        result.setResponseCodes(Map.of("200", 960L, "500", 40L));
        LabelResultStatus page = new LabelResultStatus();
        page.setLabel("page");
        page.setRequests(500L);
        LabelResultStatus hostile = new LabelResultStatus();
        hostile.setLabel(HOSTILE);
        hostile.setRequests(500L);
        result.setPerLabel(List.of(page, hostile));
        status.setResult(result);
        return status;
    }
}
