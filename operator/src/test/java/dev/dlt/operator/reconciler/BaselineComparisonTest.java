package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.ComparisonStatus;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ThresholdSpec;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;
import dev.dlt.operator.verdict.Verdict;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two runs of one LoadTest through the reconciler (fakes, fixed clock): the second is compared with the first. */
@EnableKubernetesMockClient(crud = true)
class BaselineComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    KubernetesClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FakeBackend backend = new FakeBackend();
    private final InMemoryStore store = new InMemoryStore();
    private LoadTestReconciler reconciler;
    private LoadTest test;

    @BeforeEach
    void setUp() {
        reconciler = OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend), new PodCache(client),
                TestRegions.none(), store, store, List.of(), new RunMetrics(new SimpleMeterRegistry()), clock);
        test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L).build());
        test.setSpec(TestSpecs.valid());
        test.getSpec().setBaseline("previous");
        ThresholdSpec p95 = new ThresholdSpec();
        p95.setMetric("p95");
        p95.setRelativeTo("baseline");
        p95.setBelow(new IntOrString("10%"));
        test.getSpec().setThresholds(List.of(p95));
    }

    @Test
    void theSecondRunIsComparedWithTheFirstAndJudgedRelativeToIt() throws Exception {
        runToTheEnd(1);
        String first = test.getStatus().getRun().getId();
        assertThat(test.getStatus().getPhase()).as(test.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(test.getStatus().getComparison().getBaselineRunId()).isNull();
        assertThat(test.getStatus().getComparison().getMessage()).isEqualTo("no baseline: no earlier run of this test ended Succeeded");
        assertThat(test.getStatus().getResult().getVerdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(test.getStatus().getConditions()).filteredOn(c -> c.getType().equals("Passed")).singleElement().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("NoBaseline");
            assertThat(c.getMessage()).contains("no baseline run to compare with").contains("p95 below baseline +10%");
        });
        assertThat(store.objects).containsKeys("bucket/results/team-a/shop/" + first + "/basis.json", "bucket/results/team-a/shop/" + first + "/basis.hdr.json");

        // a new generation starts a second run whose workers answer twice as slowly
        clock.advance(Duration.ofMinutes(10));
        test.getMetadata().setGeneration(2L);
        runToTheEnd(2);

        ComparisonStatus comparison = test.getStatus().getComparison();
        assertThat(test.getStatus().getRun().getId()).isNotEqualTo(first);
        assertThat(comparison.getRunId()).isEqualTo(test.getStatus().getRun().getId());
        assertThat(comparison.getBaselineRunId()).isEqualTo(first);
        assertThat(comparison.getLabels()).extracting(l -> l.getLabel()).containsExactly("", "home");
        assertThat(comparison.getLabels()).allSatisfy(l -> {
            assertThat(l.getLatency()).isEqualTo("Slower");
            assertThat(l.getErrors()).isEqualTo("NoChange");
            assertThat(l.getBaseline().getP95Ms()).isEqualTo(3.0);
            assertThat(l.getCurrent().getP95Ms()).isEqualTo(6.0);
            assertThat(l.getChangePercent().getP95Ms()).isCloseTo(100.0, within(0.1)); // bucket resolution: 0.1 %
            assertThat(l.getKsPValue()).isLessThan(0.01);
        });
        assertThat(comparison.getMessage()).startsWith("compared with " + first + ": latency Slower, errors NoChange");
        assertThat(test.getStatus().getResult().getVerdict()).isEqualTo(Verdict.Failed);
        assertThat(test.getStatus().getConditions()).filteredOn(c -> c.getType().equals("Passed")).singleElement()
                .satisfies(c -> assertThat(c.getMessage()).contains("p95 below baseline +10% (3.3ms): 6.0ms (FAIL)"));
    }

    @Test
    void aPinnedRunIdThatHasNoStoredResultLeavesTheRunWithoutComparison() throws Exception {
        test.getSpec().setBaseline("r20261101-000000-abcd");

        runToTheEnd(1);

        assertThat(test.getStatus().getComparison().getBaselineRunId()).isEqualTo("r20261101-000000-abcd");
        assertThat(test.getStatus().getComparison().getMessage())
                .isEqualTo("no baseline: run r20261101-000000-abcd has no stored result to compare with");
        assertThat(test.getStatus().getComparison().getLabels()).isNull();
        assertThat(test.getStatus().getResult().getVerdict()).isEqualTo(Verdict.Inconclusive);
    }

    @Test
    void anUnreadableBaselineIsSaidInStatusNotThrown() throws Exception {
        test.getSpec().setBaseline("r20261101-000000-abcd");
        store.put("bucket", "results/team-a/shop/r20261101-000000-abcd/basis.json", "{\"format\":\"dlt-run-basis/1\",\"labels\":[{\"label\":\"\",\"requests\":5,\"failures\":9}]}".getBytes(), "application/json");

        runToTheEnd(1);

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(test.getStatus().getComparison().getMessage()).startsWith("no baseline: the stored result of run r20261101-000000-abcd is unreadable")
                .contains("impossible counts");
    }

    /** Launches, starts and collects a run of three workers answering in 1, 2 and 3 ms times {@code slowdown}. */
    private void runToTheEnd(int slowdown) throws Exception {
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
            uploadWorker(keys, "w" + i, startAt, 100 * (i + 1), 1_000L * (i + 1) * slowdown);
        }
        backend.setAllWorkers(WorkerState.SUCCEEDED);
        reconcile();
        reconcile();
    }

    private void reconcile() throws Exception {
        reconcileOnce();
        if (test.getStatus().getPhase() == Phase.Recording) {
            reconcileOnce();
        }
    }

    private void reconcileOnce() throws Exception {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
    }

    private void uploadWorker(ResultKeys keys, String workerId, long startedAt, int samples, long micros) throws Exception {
        WorkerUpload.put(store, keys, samples, micros, new WorkerReport(workerId, "eks", "native", startedAt, startedAt - 100,
                startedAt, startedAt + 10_000, samples, WorkerReport.COMPLETED, null));
    }

    private void putJson(String key, Object value) throws Exception {
        store.put("bucket", key, JSON.writeValueAsBytes(value), "application/json");
    }
}
