package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRecordCodec;
import dev.dlt.results.live.LiveRollup;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One LoadTest driven through the reconciler against the fakes (FakeBackend, FlakyStore, a MutableClock),
 * the status fed back as the API server would; workers' uploads go straight to the data, as the agent's
 * retries would once S3 answers them.
 */
final class RunDriver {

    static final long INTERVAL_MS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    final FakeBackend backend = new FakeBackend();
    final FlakyStore store = new FlakyStore();
    final LoadTest test = new LoadTest();
    private final KubernetesClient client;
    private final Map<String, LiveRollup> rollups = new HashMap<>();
    private final Map<String, IntervalRecorder> recorders = new HashMap<>();
    private LoadTestReconciler reconciler;
    long startAt;

    RunDriver(KubernetesClient client) {
        this.client = client;
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L)
                .withAnnotations(new HashMap<>()).build());
        test.setSpec(TestSpecs.valid());
        restart();
    }

    /** A new operator process: what it kept in memory (live records read so far) is gone, status stays. */
    void restart() {
        reconciler = OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend), new PodCache(client),
                TestRegions.none(), store.s3, store.dynamo, List.of(), new RunMetrics(new SimpleMeterRegistry()), clock);
    }

    /** One reconciliation; when it asks to be called again. */
    Optional<Duration> reconcile() {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
        return control.getScheduleDelay().map(Duration::ofMillis);
    }

    /** Launches and starts the run just created (or about to be) until its load runs; the results' keys. */
    ResultKeys toRunning() {
        reconcile();
        reconcile();
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        ResultKeys keys = keys();
        startAt = clock.millis();
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, startAt, LeaderReport.STARTED, "", List.of()));
        backend.set("leader", WorkerState.SUCCEEDED, null);
        reconcile();
        reconcile();
        assertThat(test.getStatus().getPhase()).as(test.getStatus().getMessage()).isEqualTo(Phase.Running);
        return keys;
    }

    /** From Running: every worker uploads {@code samples} requests and ends; the run decides and goes to Recording. */
    void toRecording(ResultKeys keys, int samples) {
        for (int i = 0; i < 3; i++) {
            uploadWorker(keys, "w" + i, samples, 1_000, WorkerReport.COMPLETED);
        }
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        reconcile();
        assertThat(test.getStatus().getPhase()).as(test.getStatus().getMessage()).isEqualTo(Phase.Recording);
    }

    ResultKeys keys() {
        return new ResultKeys("team-a/shop", test.getStatus().getRun().getId(), "eks");
    }

    void uploadWorker(ResultKeys keys, String workerId, int samples, long micros, String outcome) {
        WorkerUpload.put(store.data, keys, samples, micros, new WorkerReport(workerId, "eks", "native", startAt, startAt - 100,
                startAt, clock.millis(), samples, outcome, null));
    }

    /** A worker's live record after its interval {@code index} (of {@link #INTERVAL_MS}), in which it sent {@code requests}. */
    void liveInterval(ResultKeys keys, String workerId, long index, int requests) {
        IntervalRecorder recorder = recorders.computeIfAbsent(workerId, id -> new IntervalRecorder());
        LiveRollup rollup = rollups.computeIfAbsent(workerId, id -> new LiveRollup(id, "eks", startAt, INTERVAL_MS));
        for (int i = 0; i < requests; i++) {
            recorder.record("home", 1_000, 100, "200", true);
        }
        rollup.add(recorder.roll(index, 5));
        store.data.put("bucket", keys.workerFile(workerId, ResultKeys.LIVE),
                LiveRecordCodec.toJson(rollup.record(startAt + (index + 1) * INTERVAL_MS, false)), "application/json");
    }

    Condition condition(String type) {
        return test.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    boolean stored(String key) {
        return store.data.objects.containsKey("bucket/" + key);
    }

    void putJson(String key, Object value) {
        try {
            store.data.put("bucket", key, JSON.writeValueAsBytes(value), "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
