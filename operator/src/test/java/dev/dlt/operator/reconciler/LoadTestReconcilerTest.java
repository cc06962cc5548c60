package dev.dlt.operator.reconciler;

import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.live.LiveSettings;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.ThresholdSpec;
import dev.dlt.operator.verdict.Verdict;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.TestSpecs;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.StartSignal;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRecordCodec;
import dev.dlt.results.live.LiveRollup;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler and conductor against a mock API server, with a fake backend and an in-memory bucket. */
@EnableKubernetesMockClient(crud = true)
class LoadTestReconcilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    KubernetesClient client;

    static final RunSettings SETTINGS = new RunSettings("bucket", "us-east-1", Map.of(), Duration.ofMinutes(5), Duration.ofMinutes(3),
            Duration.ofMinutes(1), Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofSeconds(30), Duration.ofSeconds(1), 3);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FakeBackend backend = new FakeBackend();
    private final InMemoryStore store = new InMemoryStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private LoadTestReconciler reconciler;
    private LoadTest test;

    @BeforeEach
    void setUp() {
        reconciler = reconciler();
        test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L).build());
        LoadTestSpec spec = TestSpecs.valid();
        test.setSpec(spec);
    }

    private LoadTestReconciler reconciler() {
        return OperatorProducer.loadTestReconciler(client, SETTINGS, List.of(backend), new PodCache(client), TestRegions.none(), store, store, List.of(),
                new RunMetrics(registry), clock);
    }

    @Test
    void runsThroughEveryPhaseToAnExactResult() throws Exception {
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Launching);
        String runId = test.getStatus().getRun().getId();
        assertThat(backend.launches).isEmpty(); // the run id is recorded before anything is launched

        reconcile();
        assertThat(backend.launches).containsExactly("w0", "w1", "w2");
        ResultKeys keys = new ResultKeys("team-a/shop", runId, "eks");
        assertThat(new String(store.objects.get("bucket/" + keys.scenario()))).contains("\"concurrency\" : 5").contains("\"hold-for\" : \"5s\"");
        assertThat(client.secrets().inNamespace("team-a").list().getItems()).hasSize(1);

        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        assertThat(backend.leaderAddresses).hasSize(3).allMatch(a -> a.endsWith(":50000"));
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Starting);

        reconcile();
        assertThat(store.objects).doesNotContainKey("bucket/" + keys.startSignal()); // the leader has not reached its workers yet
        putJson(keys.leaderReady(), new StartSignal.LeaderReady("eks", clock.millis(), 3));
        reconcile();
        long startAt = clock.millis() + 3_000;
        assertThat(JSON.readValue(store.objects.get("bucket/" + keys.startSignal()), StartSignal.Go.class).startAtMs()).isEqualTo(startAt);
        clock.advance(Duration.ofSeconds(1));
        reconcile();
        assertThat(JSON.readValue(store.objects.get("bucket/" + keys.startSignal()), StartSignal.Go.class).startAtMs())
                .as("an instant once given is kept").isEqualTo(startAt);
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, clock.millis(), LeaderReport.STARTED, "3 of 3", List.of()));
        backend.set("leader", WorkerState.SUCCEEDED, null);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Running);
        assertThat(test.getStatus().getRun().getStartedAt()).isEqualTo(Instant.ofEpochMilli(startAt).toString());

        for (int i = 0; i < 3; i++) {
            uploadWorker(keys, "w" + i, startAt + i, 100 * (i + 1), 1_000 * (i + 1));
        }
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        reconcile();

        var status = test.getStatus();
        assertThat(status.getPhase()).as(status.getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(status.getResult().getRequests()).isEqualTo(600);                // 100 + 200 + 300
        assertThat(status.getResult().getAvgMs()).isEqualTo(2.33);                   // (100*1 + 200*2 + 300*3) / 600 ms
        assertThat(status.getResult().getRps()).isEqualTo(59.99);   // 600 requests from the first start to the last end: 10.002 s
        assertThat(status.getRun().getStartSkewMs()).isEqualTo(2L);
        assertThat(status.getRun().getWorkers().getReported()).isEqualTo(3);
        assertThat(status.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                .contains("Valid=True", "WorkersReady=True", "Started=True", "Completed=True");
        assertThat(status.getHistory()).singleElement().satisfies(h -> assertThat(h.getRequests()).isEqualTo(600));
        assertThat(store.records).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.result().getRequests()).isEqualTo(600);
        });
        assertThat(backend.stops).isEqualTo(1);
        assertThat(client.secrets().inNamespace("team-a").list().getItems()).isEmpty();
        assertThat(reconcile()).as("nothing left to do").isFalse();
        assertThat(registry.get("dlt.runs").tag("phase", "Succeeded").tag("namespace", "team-a").counter().count()).isEqualTo(1);
        assertThat(registry.get("dlt.run.requests").tag("loadtest", "shop").counter().count()).isEqualTo(600);
        assertThat(registry.get("dlt.run.start.skew").tag("loadtest", "shop").timer().max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2);
    }

    @Test
    void whatWaitsForTheFirstLoadTestIsAskedForBeforeItsRunIsPlanned() throws Exception {
        List<String> asked = new ArrayList<>();
        reconciler = OperatorProducer.loadTestReconciler(client, SETTINGS, List.of(backend), new PodCache(client), TestRegions.none(), store,
                store, List.of(), new RunMetrics(registry), LiveSettings.defaults(), clock,
                () -> asked.add(test.getStatus() == null ? "no status" : String.valueOf(test.getStatus().getPhase())));
        assertThat(asked).as("nothing before a LoadTest is reconciled").isEmpty();

        reconcile();
        reconcile();

        assertThat(asked).containsExactly("no status", "Launching");
        assertThat(backend.launches).containsExactly("w0", "w1", "w2");
    }

    @Test
    void aRestartedOperatorAdoptsTheRunInsteadOfLaunchingAgain() throws Exception {
        reconcile();
        reconcile();
        reconciler = reconciler(); // a new operator process, same status in the API server

        reconcile();
        reconcile();

        assertThat(backend.launches).containsExactly("w0", "w1", "w2");
    }

    @Test
    void aWorkerThatFailsBeforeTheStartFailsTheRunAndStopsTheOthers() throws Exception {
        reconcile();
        reconcile();
        backend.set("w1", WorkerState.FAILED, "pod shop-x-w1 failed: ImagePullBackOff");

        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(test.getStatus().getMessage()).contains("worker w1 failed before the start").contains("ImagePullBackOff");
        assertThat(backend.stops).isEqualTo(1);
        assertThat(store.records).singleElement().satisfies(r -> assertThat(r.phase()).isEqualTo("Failed"));
    }

    @Test
    void workersThatNeverBecomeReadyFailTheRunAtTheLaunchDeadline() throws Exception {
        reconcile();
        reconcile();
        backend.set("w0", WorkerState.READY, null);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Launching);

        clock.advance(Duration.ofMinutes(6));
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(test.getStatus().getMessage()).startsWith("2 of 3 workers not ready").contains("eks/w1 (PENDING)").contains("eks/w2");
        assertThat(backend.launches).doesNotContain("leader");
    }

    @Test
    void anAbortedStartFailsTheRunWithTheLeadersReason() throws Exception {
        reconcile();
        reconcile();
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        String runId = test.getStatus().getRun().getId();
        putJson(new ResultKeys("team-a/shop", runId, "eks").leaderReport(), new LeaderReport("eks", 0, 0, LeaderReport.ABORTED,
                "1 of 3 workers not reachable by the deadline, none started: [10.0.0.2:50000 (ConnectException)]", List.of()));
        backend.set("leader", WorkerState.FAILED, "exit code 1");

        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(test.getStatus().getMessage()).contains("not reachable").contains("10.0.0.2:50000");
    }

    @Test
    void aWorkerWithoutResultsFailsTheRunButKeepsTheOthersNumbers() throws Exception {
        reconcile();
        reconcile();
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        String runId = test.getStatus().getRun().getId();
        ResultKeys keys = new ResultKeys("team-a/shop", runId, "eks");
        long startAt = clock.millis();
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, startAt, LeaderReport.STARTED, "", List.of()));
        backend.set("leader", WorkerState.SUCCEEDED, null);
        reconcile();
        uploadWorker(keys, "w0", startAt, 50, 1_000);
        uploadWorker(keys, "w1", startAt, 70, 1_000);
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting); // waits for w2 until the collect deadline

        clock.advance(Duration.ofMinutes(2));
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(test.getStatus().getMessage()).contains("2 of 3 workers produced usable results, 3 needed")
                .contains("eks/w2: no report in S3");
        assertThat(test.getStatus().getConditions()).filteredOn(c -> c.getType().equals("PartialResults")).singleElement()
                .satisfies(c -> assertThat(c.getMessage()).contains("eks/w2: no report in S3"));
        assertThat(test.getStatus().getResult().getRequests()).isEqualTo(120);
    }

    @Test
    void aChangedSpecCancelsTheRunningRunAndStartsANewOne() throws Exception {
        reconcile();
        reconcile();
        String first = test.getStatus().getRun().getId();
        test.getMetadata().setGeneration(2L);
        test.getSpec().getLoad().setConcurrency(7);

        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Cancelled);
        assertThat(store.records).singleElement().satisfies(r -> assertThat(r.phase()).isEqualTo("Cancelled"));
        reconcile();

        assertThat(backend.stops).isEqualTo(1);
        assertThat(test.getStatus().getRun().getId()).isNotEqualTo(first);
        assertThat(test.getStatus().getRun().getGeneration()).isEqualTo(2L);
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Launching);
    }

    @Test
    void aChangedSpecStopsTheWorkersOfTheRegionsTheRunLaunchedIn() throws Exception {
        reconcile();
        reconcile();
        assertThat(backend.instances).hasSize(3);
        test.getMetadata().setGeneration(2L);
        test.getSpec().getWorkers().getFirst().setBackend("ecs-fargate");
        test.getSpec().getWorkers().getFirst().setTestRegionRef("us-west-2");

        reconcile();

        assertThat(backend.stops).as("the EKS workers of the old run, though the new spec has none").isEqualTo(1);
        assertThat(backend.instances).isEmpty();
    }

    @Test
    void thresholdsAreJudgedOnTheMergedResultAndRecorded() throws Exception {
        // w2 alone (3 ms) would break "avg below 2.5ms"; merged with w0 (1 ms) and w1 (2 ms) the mean is 2.33 ms
        test.getSpec().setThresholds(List.of(threshold("avg", null, "2.5ms", null), threshold("errorRate", "home", "1%", null),
                threshold("requests", null, null, "599")));

        runToTheEnd(10_000);

        var status = test.getStatus();
        assertThat(status.getPhase()).as(status.getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(status.getMessage()).endsWith("; verdict Passed");
        assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Passed);
        assertThat(status.getConditions()).filteredOn(c -> c.getType().equals("Passed")).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getMessage()).isEqualTo("Passed: all 3 thresholds met: avg below 2.5ms: 2.3ms (pass); "
                    + "errorRate[home] below 1%: 0.00% (pass); requests above 599: 600 (pass)");
        });
        assertThat(status.getHistory()).singleElement().satisfies(h -> assertThat(h.getVerdict()).isEqualTo(Verdict.Passed));
        assertThat(status.getWorkers()).isEqualTo("3/3");
        assertThat(status.getP95()).isEqualTo("3.0ms");
        assertThat(store.records).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo("Passed");
            assertThat(r.spec()).contains("\"thresholds\"").contains("2.5ms");
        });
    }

    @Test
    void aRunWhoseEnginesRanShortOfRampUpAndHoldForCannotPass() throws Exception {
        test.getSpec().getLoad().setHoldFor("20s"); // 1s + 20s planned; the workers report 10 s of load
        test.getSpec().setThresholds(List.of(threshold("avg", null, "1m", null)));

        runToTheEnd(10_000);

        var status = test.getStatus();
        assertThat(status.getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(status.getConditions()).filteredOn(c -> c.getType().equals("Passed")).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("IncompleteRun");
            assertThat(c.getMessage()).startsWith("Inconclusive: cannot pass: the load ran 10.0s, less than 90% of the planned 21.0s");
        });
    }

    @Test
    void anAbortOnFailThresholdBrokenOnTheFleetsLiveNumbersStopsTheRunEarlyAndFailsTheVerdict() throws Exception {
        test.getSpec().getLoad().setHoldFor("5m");
        ThresholdSpec errors = threshold("errorRate", null, "10%", null);
        errors.setAbortOnFail(true);
        errors.setAbortDelay("20s");
        test.getSpec().setThresholds(List.of(threshold("avg", null, "1m", null), errors));
        reconcile();
        reconcile();
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        ResultKeys keys = new ResultKeys("team-a/shop", test.getStatus().getRun().getId(), "eks");
        long startAt = clock.millis();
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, startAt, LeaderReport.STARTED, "", List.of()));
        backend.set("leader", WorkerState.SUCCEEDED, null);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Running);

        // each worker fails 12 of 100 requests per interval (5 s) from the start; the three merged: 12 %
        List<LiveRollup> rollups = List.of(new LiveRollup("w0", "eks", startAt, 5_000), new LiveRollup("w1", "eks", startAt, 5_000),
                new LiveRollup("w2", "eks", startAt, 5_000));
        IntervalRecorder[] recorders = {new IntervalRecorder(), new IntervalRecorder(), new IntervalRecorder()};
        for (int interval = 0; interval < 6; interval++) {
            for (int w = 0; w < 3; w++) {
                for (int i = 0; i < 100; i++) {
                    recorders[w].record("home", 1_000, 100, i < 12 ? "503" : "200", i >= 12);
                }
                rollups.get(w).add(recorders[w].roll(interval, 5));
                store.put("bucket", keys.workerFile("w" + w, ResultKeys.LIVE),
                        LiveRecordCodec.toJson(rollups.get(w).record(startAt + (interval + 1) * 5_000L, false)), "application/json");
            }
            clock.advance(Duration.ofSeconds(5));
            reconcile();
            if (interval < 3) {
                assertThat(test.getStatus().getPhase()).as("within the 20 s delay at %ds", (interval + 1) * 5).isEqualTo(Phase.Running);
                assertThat(backend.stops).isZero();
            }
            if (test.getStatus().getPhase() != Phase.Running) {
                break;
            }
        }
        var status = test.getStatus();
        assertThat(status.getPhase()).as(status.getMessage()).isEqualTo(Phase.Collecting);
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(startAt).plusSeconds(20));
        assertThat(backend.stops).as("every worker stopped").isEqualTo(1);
        String breach = "errorRate below 10% broke at " + clock.instant() + ": 12.00% over the fleet's last 15.0s (900 requests)";
        assertThat(status.getRun().getAbortedOnThreshold()).isEqualTo(breach);
        assertThat(status.getRun().getFinishedAt()).isEqualTo(clock.instant().toString());

        // the stopped workers upload what they recorded: 20 s of a planned 5m 1s, stopped on the operator's request
        for (int i = 0; i < 3; i++) {
            uploadWorker(keys, "w" + i, startAt, 100 * (i + 1), 1_000 * (i + 1), 20_000, WorkerReport.STOPPED);
        }
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();

        status = test.getStatus();
        assertThat(status.getPhase()).as("ends by the normal rules, not Cancelled: %s", status.getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(status.getMessage()).endsWith("; verdict Failed");
        assertThat(status.getRun().getWorkers().getFailed()).as("stopped on purpose, not failed").isZero();
        assertThat(status.getResult().getRequests()).isEqualTo(600);
        assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Failed);
        assertThat(status.getConditions()).filteredOn(c -> c.getType().equals("Passed")).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("AbortedOnThreshold");
            assertThat(c.getMessage()).isEqualTo("Failed: stopped early: " + breach + "; on the collected result: avg below 1m: 2.3ms "
                    + "(pass); errorRate below 10%: 0.00% (pass)");
        });
        assertThat(client.v1().events().inNamespace("team-a").list().getItems())
                .filteredOn(e -> "AbortedOnThreshold".equals(e.getReason())).extracting(e -> e.getType() + ": " + e.getMessage())
                .contains("Warning: stopping the run early: " + breach);
        assertThat(store.records).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo("Failed"));
    }

    /** Launches, starts and collects a run whose three workers report {@code loadMs} of load each. */
    private void runToTheEnd(long loadMs) throws Exception {
        reconcile();
        reconcile();
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        ResultKeys keys = new ResultKeys("team-a/shop", test.getStatus().getRun().getId(), "eks");
        long startAt = clock.millis();
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, startAt, LeaderReport.STARTED, "", List.of()));
        backend.set("leader", WorkerState.SUCCEEDED, null);
        reconcile();
        for (int i = 0; i < 3; i++) {
            uploadWorker(keys, "w" + i, startAt, 100 * (i + 1), 1_000 * (i + 1), loadMs);
        }
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        reconcile();
    }

    private static ThresholdSpec threshold(String metric, String label, String below, String above) {
        ThresholdSpec t = new ThresholdSpec();
        t.setMetric(metric);
        t.setLabel(label);
        t.setBelow(below == null ? null : new IntOrString(below));
        t.setAbove(above == null ? null : new IntOrString(above));
        return t;
    }

    /**
     * One reconciliation, feeding the returned status back as the API server would, plus the look that
     * records a run whose end was just decided (Recording); true when it asks to be called again.
     */
    private boolean reconcile() throws Exception {
        boolean again = reconcileOnce();
        if (test.getStatus().getPhase() == Phase.Recording) {
            again = reconcileOnce();
        }
        return again;
    }

    private boolean reconcileOnce() throws Exception {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
        return control.getScheduleDelay().isPresent();
    }

    private void uploadWorker(ResultKeys keys, String workerId, long startedAt, int samples, long micros) throws Exception {
        uploadWorker(keys, workerId, startedAt, samples, micros, 10_000);
    }

    private void uploadWorker(ResultKeys keys, String workerId, long startedAt, int samples, long micros, long loadMs) throws Exception {
        uploadWorker(keys, workerId, startedAt, samples, micros, loadMs, WorkerReport.COMPLETED);
    }

    private void uploadWorker(ResultKeys keys, String workerId, long startedAt, int samples, long micros, long loadMs, String outcome)
            throws Exception {
        WorkerUpload.put(store, keys, samples, micros, new WorkerReport(workerId, "eks", "native", startedAt, startedAt - 100,
                startedAt, startedAt + loadMs, samples, outcome, null));
    }

    private void putJson(String key, Object value) throws Exception {
        store.put("bucket", key, JSON.writeValueAsBytes(value), "application/json");
    }
}
