package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.LaunchProgress;
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
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run under faults of S3, DynamoDB, the backends and the API server: it records what it waits for
 * and since when, retries with backoff, continues when the dependency is back, ends at its phase's
 * deadline when it is not, and never throws out of a reconcile.
 */
@EnableKubernetesMockClient(crud = true)
class RunFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    KubernetesClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FakeBackend backend = new FakeBackend();
    private final FlakyStore store = new FlakyStore();
    private LoadTestReconciler reconciler;
    private LoadTest test;

    @BeforeEach
    void setUp() {
        reconciler = OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend), new PodCache(client),
                TestRegions.none(), store.s3, store.dynamo, List.of(), new RunMetrics(new SimpleMeterRegistry()), clock);
        test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L).build());
        test.setSpec(TestSpecs.valid());
    }

    @Test
    void s3DownDuringCollectionWaitsThenCollectsEveryRequest() throws Exception {
        driveToCollecting(3);
        store.s3Down = true;

        Optional<Duration> next = reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        Condition blocked = condition("Blocked");
        assertThat(blocked.getStatus()).isEqualTo("True");
        assertThat(blocked.getReason()).isEqualTo("S3Unavailable");
        assertThat(blocked.getMessage()).startsWith("waiting for S3 since 2026-11-23T").contains("Connection refused");
        assertThat(test.getStatus().getMessage()).contains("waiting for S3");
        assertThat(next).as("looked at again").isPresent();

        clock.advance(Duration.ofSeconds(40));
        reconcile();
        assertThat(condition("Blocked").getLastTransitionTime()).as("since the first failure").isEqualTo(blocked.getLastTransitionTime());

        store.s3Down = false;
        reconcile();
        reconcile();
        assertThat(test.getStatus().getPhase()).as(test.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(test.getStatus().getResult().getRequests()).isEqualTo(600);
        assertThat(test.getStatus().getConditions()).noneMatch(c -> c.getType().equals("Blocked") && c.getStatus().equals("True"));
        assertThat(store.data.records).singleElement();
    }

    @Test
    void dynamoDbDownAtRecordTimeDelaysTheRecordButNeverDropsIt() throws Exception {
        driveToCollecting(3);
        store.dynamoDown = true;

        reconcile(); // the result is known
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(test.getStatus().getResult().getRequests()).isEqualTo(600);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(condition("Blocked").getReason()).isEqualTo("DynamoDbUnavailable");
        assertThat(condition("Recorded").getStatus()).isEqualTo("False");
        clock.advance(Duration.ofMinutes(5));
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(store.data.records).isEmpty();

        store.dynamoDown = false;
        Optional<Duration> next = reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(next).as("only the look after its own status patch").contains(LoadTestReconciler.AFTER_PATCH);
        assertThat(condition("Recorded").getStatus()).isEqualTo("True");
        assertThat(store.data.records).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo("Succeeded");
            assertThat(r.result().getRequests()).isEqualTo(600);
        });
        assertThat(test.getStatus().getHistory()).singleElement();
        assertThat(reconcile()).as("nothing left to do").isEmpty();
        assertThat(store.data.records).as("recorded exactly once").hasSize(1);
    }

    @Test
    void dynamoDbDownPastTheRecordDeadlineFailsTheRunAndKeepsItsResult() throws Exception {
        driveToCollecting(3);
        store.dynamoDown = true;
        reconcile();
        reconcile();

        clock.advance(Duration.ofMinutes(11));
        Optional<Duration> next = reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(next).as("only the look after its own status patch").contains(LoadTestReconciler.AFTER_PATCH);
        assertThat(reconcile()).as("nothing left to do").isEmpty();
        assertThat(condition("Completed").getReason()).isEqualTo("RecordFailed");
        assertThat(test.getStatus().getMessage()).contains("600 requests").contains("not recorded").contains("DynamoDB");
        assertThat(test.getStatus().getResult().getRequests()).isEqualTo(600);
        assertThat(condition("Recorded").getStatus()).isEqualTo("False");
        assertThat(backend.stops).as("the workers are stopped all the same").isPositive();
        assertThat(backend.instances).isEmpty();
    }

    @Test
    void s3DownLongerThanTheRecordTimeoutFailsTheRunNamingS3() throws Exception {
        driveToCollecting(3);
        store.s3Down = true;
        reconcile();
        clock.advance(Duration.ofMinutes(5));
        reconcile();
        assertThat(test.getStatus().getPhase()).as("an outage longer than the collect timeout is waited out").isEqualTo(Phase.Collecting);

        clock.advance(Duration.ofMinutes(6));
        reconcile();
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition("Completed").getReason()).isEqualTo("S3Unavailable");
        assertThat(test.getStatus().getMessage()).contains("gave up waiting for S3");
        assertThat(store.data.records).singleElement().satisfies(r -> assertThat(r.phase()).isEqualTo("Failed"));
    }

    @Test
    void anyFailureOfABackendIsKeptInStatusAndRetriedUntilTheLaunchDeadline() throws Exception {
        reconcile();
        reconcile();
        backend.down = new IllegalStateException("boom: a bug in a backend");

        Optional<Duration> next = reconcile(); // no exception escapes
        assertThat(next).isPresent();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Launching);
        assertThat(condition("Blocked").getReason()).isEqualTo("KubernetesUnavailable");
        assertThat(condition("Blocked").getMessage()).contains("waiting for the Kubernetes API").contains("boom: a bug in a backend");

        clock.advance(Duration.ofMinutes(6));
        reconcile();
        backend.down = null;
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition("Completed").getReason()).isEqualTo("KubernetesUnavailable");
        assertThat(store.data.records).singleElement().satisfies(r -> assertThat(r.phase()).isEqualTo("Failed"));
    }

    @Test
    void theApiServerGoneWhileRunningMovesOnToCollectWhatTheWorkersStored() throws Exception {
        ResultKeys keys = driveToRunning();
        backend.down = new KubernetesClientException("connect timed out");
        reconcile();
        assertThat(condition("Blocked").getReason()).isEqualTo("KubernetesUnavailable");
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Running);
        for (int i = 0; i < 3; i++) {
            uploadWorker(keys, "w" + i, clock.millis(), 100, 1_000);
        }

        clock.advance(Duration.ofMinutes(3)); // 6 s of load + twice the finish grace
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        reconcile();
        assertThat(test.getStatus().getResult().getRequests()).isEqualTo(300);
        backend.down = null;
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
    }

    @Test
    void shortLaunchesAreCalledAgainUntilTheLaunchDeadlineThenFailNamingTheReason() throws Exception {
        reconcile();
        backend.partialLaunch = new LaunchProgress(3, 1, List.of("RunTask: 2 of 3 tasks not started: RESOURCE:MEMORY"));
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Launching);
        assertThat(test.getStatus().getMessage()).contains("eks: launched 1 of 3 (RunTask: 2 of 3 tasks not started: RESOURCE:MEMORY)");

        clock.advance(Duration.ofMinutes(4));
        reconcile();
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(condition("Completed").getReason()).isEqualTo("LaunchFailed");
        assertThat(test.getStatus().getMessage()).contains("RESOURCE:MEMORY");
        assertThat(backend.stops).isEqualTo(1);
    }

    @Test
    void aFailingDependencyIsTriedAgainLessOftenTheLongerItFails() throws Exception {
        driveToCollecting(3);
        store.dynamoDown = true;
        reconcile();
        assertThat(reconcile()).contains(Duration.ofSeconds(1)); // the poll interval at first
        clock.advance(Duration.ofSeconds(40));
        assertThat(reconcile()).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(60));
        assertThat(reconcile()).contains(Duration.ofSeconds(25));
        clock.advance(Duration.ofMinutes(5));
        assertThat(reconcile()).contains(Duration.ofSeconds(30));
    }

    @Test
    void workersFlaggedByTheirEngineAreNamedInTheRunsConditions() throws Exception {
        ResultKeys keys = driveToRunning();
        uploadWorker(keys, "w0", clock.millis(), 100, 1_000);
        uploadWorker(keys, "w1", clock.millis(), 100, 1_000);
        uploadWorker(keys, "w2", clock.millis(), 100, 1_000, List.of(WorkerReport.SHORT_RUN, WorkerReport.ONLY_ERRORS));
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        reconcile();
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(condition("SuspectWorkers").getMessage()).isEqualTo("1 worker(s) flagged by their engine: eks/w2: SHORT_RUN, ONLY_ERRORS");
    }

    @Test
    void workersStillUploadingAfterAnS3OutageGetTheWholeCollectWindowAgain() throws Exception {
        ResultKeys keys = driveToRunning();
        uploadWorker(keys, "w0", clock.millis(), 100, 1_000);
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        store.s3Down = true;
        reconcile();
        clock.advance(Duration.ofMinutes(3)); // longer than the 1 min collect timeout
        reconcile();
        store.s3Down = false;

        reconcile();
        assertThat(test.getStatus().getPhase()).as("w1 and w2 are still retrying their uploads").isEqualTo(Phase.Collecting);
        uploadWorker(keys, "w1", clock.millis(), 100, 1_000);
        uploadWorker(keys, "w2", clock.millis(), 100, 1_000);
        clock.advance(Duration.ofSeconds(20));
        reconcile();
        reconcile();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(test.getStatus().getResult().getRequests()).isEqualTo(300);
    }

    private ResultKeys driveToRunning() throws Exception {
        reconcile();
        reconcile();
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        ResultKeys keys = new ResultKeys("team-a/shop", test.getStatus().getRun().getId(), "eks");
        long startAt = clock.millis();
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, startAt, LeaderReport.STARTED, "", List.of()));
        reconcile();
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Running);
        return keys;
    }

    private void driveToCollecting(int workers) throws Exception {
        ResultKeys keys = driveToRunning();
        for (int i = 0; i < workers; i++) {
            uploadWorker(keys, "w" + i, clock.millis(), 100 * (i + 1), 1_000 * (i + 1));
        }
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
    }

    private Condition condition(String type) {
        return test.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    /** One reconciliation, feeding the status back as the API server would; when it asks to be called again. */
    private Optional<Duration> reconcile() throws Exception {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
        return control.getScheduleDelay().map(Duration::ofMillis);
    }

    private void uploadWorker(ResultKeys keys, String workerId, long startedAt, int samples, long micros) throws Exception {
        uploadWorker(keys, workerId, startedAt, samples, micros, List.of());
    }

    private void uploadWorker(ResultKeys keys, String workerId, long startedAt, int samples, long micros, List<String> flags)
            throws Exception {
        WorkerUpload.put(store.data, keys, samples, micros, new WorkerReport(workerId, "eks", "native", startedAt, startedAt - 100,
                startedAt, startedAt + 10_000, samples, WorkerReport.COMPLETED, null, flags));
    }

    private void putJson(String key, Object value) throws Exception {
        store.data.put("bucket", key, JSON.writeValueAsBytes(value), "application/json");
    }
}
