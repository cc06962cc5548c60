package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.ConcurrencyPolicy;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunSummary;
import dev.dlt.operator.api.RunTrigger;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;
import dev.dlt.operator.schedule.RunNowAnnotation;
import dev.dlt.operator.schedule.RunTriggers;
import dev.dlt.operator.store.RunRecord;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.StartSignal;
import dev.dlt.results.layout.WorkerReport;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run-now requests, schedules, startAt and cancel by spec.suspend, through the reconciler with a fixed clock. */
@EnableKubernetesMockClient(crud = true)
class TriggersAndSchedulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    KubernetesClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FakeBackend backend = new FakeBackend();
    private final InMemoryStore store = new InMemoryStore();
    private LoadTestReconciler reconciler;
    private LoadTest test;

    @BeforeEach
    void setUp() {
        reconciler = reconciler();
        test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L)
                .withAnnotations(new HashMap<>()).build());
        test.setSpec(TestSpecs.valid());
    }

    @Test
    void theSameManifestAppliedAgainStartsNoRunAndANewRunNowTokenStartsOne() throws Exception {
        test.getMetadata().getAnnotations().put(RunNowAnnotation.KEY, "first");
        reconcile();
        failTheRun();
        assertThat(test.getStatus().getHandledRunNowToken()).as("the first run covers the token it was created with").isEqualTo("first");

        reconciler = reconciler(); // a restarted operator, and an Argo CD sync re-applying the same manifest
        assertThat(reconcile()).isEmpty();
        assertThat(reconcile()).isEmpty();
        assertThat(backend.launches).hasSize(3);

        test.getMetadata().getAnnotations().put(RunNowAnnotation.KEY, "second");
        reconcile();
        assertThat(test.getStatus().getRun().getTrigger()).isEqualTo(RunTrigger.RunNow);
        failTheRun();
        assertThat(reconcile()).isEmpty();

        assertThat(backend.launches).hasSize(6);
        assertThat(test.getStatus().getHistory()).extracting(RunSummary::getTrigger).containsExactly(RunTrigger.RunNow, RunTrigger.SpecChange);
        assertThat(test.getStatus().getHistory()).extracting(RunSummary::getPhase).containsExactly(Phase.Failed, Phase.Failed);
        assertThat(test.getStatus().getHistory()).allSatisfy(h -> assertThat(h.getFinishedAt()).isNotNull());
        assertThat(store.records).extracting(RunRecord::trigger).containsExactly("SpecChange", "RunNow");
        assertThat(store.records).extracting(RunRecord::runId).doesNotHaveDuplicates();
    }

    @Test
    void aNewRunNowValueWakesTheReconcilerButAStatusPatchDoesNot() {
        LoadTest updated = copy(test);
        updated.setStatus(new dev.dlt.operator.api.LoadTestStatus());
        updated.getStatus().setMessage("patched by the operator");
        assertThat(RunNowAnnotation.reconciledUpdate(updated, test)).isFalse();
        LoadTest annotated = copy(updated);
        annotated.getMetadata().getAnnotations().put(RunNowAnnotation.KEY, "go");
        assertThat(RunNowAnnotation.reconciledUpdate(annotated, test)).isTrue();
        LoadTest respec = copy(test);
        respec.getMetadata().setGeneration(2L);
        assertThat(RunNowAnnotation.reconciledUpdate(respec, test)).isTrue();
        LoadTest deleting = copy(test);
        deleting.getMetadata().setDeletionTimestamp("2026-11-23T10:00:00Z");
        // JOSDK passes the new resource first: a deletion wakes the reconciler whichever way round
        assertThat(RunNowAnnotation.reconciledUpdate(deleting, test)).isTrue();
        assertThat(RunNowAnnotation.reconciledUpdate(test, deleting)).isTrue();
        LoadTest deletingPatched = copy(deleting);
        deletingPatched.setStatus(updated.getStatus());
        assertThat(RunNowAnnotation.reconciledUpdate(deletingPatched, deleting)).as("a status patch while deleting").isFalse();
    }

    private static LoadTest copy(LoadTest test) {
        return JSON.convertValue(JSON.valueToTree(test), LoadTest.class);
    }

    @Test
    void aRunNowTokenDuringARunIsQueuedUntilTheRunEnds() throws Exception {
        reconcile();
        reconcile();
        String first = test.getStatus().getRun().getId();
        test.getMetadata().getAnnotations().put(RunNowAnnotation.KEY, "again");

        reconcile();
        assertThat(test.getStatus().getRun().getId()).as("a run in progress is never started twice").isEqualTo(first);
        assertThat(backend.launches).hasSize(3);

        backend.set("w1", WorkerState.FAILED, "pod failed");
        assertThat(reconcile()).as("the queued request is looked at right away").contains(RunTriggers.SOON);
        reconcile();
        assertThat(test.getStatus().getRun().getId()).isNotEqualTo(first);
        assertThat(test.getStatus().getRun().getTrigger()).isEqualTo(RunTrigger.RunNow);
        assertThat(test.getStatus().getHandledRunNowToken()).isEqualTo("again");
    }

    @Test
    void aSuspendedTestRefusesRunNowAndDoesNotRunOnCreation() throws Exception {
        test.getSpec().setSuspend(true);
        test.getMetadata().getAnnotations().put(RunNowAnnotation.KEY, "t1");

        assertThat(reconcile()).as("only the look after its own status patch").contains(LoadTestReconciler.AFTER_PATCH);
        assertThat(reconcile()).isEmpty();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Pending);
        assertThat(test.getStatus().getHandledRunNowToken()).as("refused, not queued for later").isEqualTo("t1");
        assertThat(backend.launches).isEmpty();
        assertThat(client.v1().events().inNamespace("team-a").list().getItems())
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("RunNowRefused"));
    }

    @Test
    void aScheduleEveryMinuteRunsTwiceSkipsAnOverlapAndStopsWhenSuspended() throws Exception {
        test.getSpec().setSchedule("* * * * *");

        assertThat(reconcile()).as("a scheduled test waits for its time").contains(Duration.ofMinutes(1));
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Pending);
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T10:01:00Z");
        assertThat(backend.launches).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        reconcile();
        assertThat(test.getStatus().getRun().getTrigger()).isEqualTo(RunTrigger.Schedule);
        assertThat(test.getStatus().getLastScheduledAt()).isEqualTo("2026-11-23T10:01:00Z");
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T10:02:00Z");
        failTheRun();
        assertThat(reconcile()).contains(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        reconcile();
        String second = test.getStatus().getRun().getId();
        reconcile();
        clock.advance(Duration.ofMinutes(1)); // 10:03 comes while the second run is still launching
        reconcile();
        assertThat(test.getStatus().getRun().getId()).isEqualTo(second);
        assertThat(test.getStatus().getSkippedRuns()).isEqualTo(1);
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T10:04:00Z");

        test.getMetadata().setGeneration(2L);
        test.getSpec().setSuspend(true);
        reconcile();
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Cancelled);
        assertThat(test.getStatus().getMessage()).contains("suspended by spec.suspend at 2026-11-23T10:03:00Z");
        assertThat(test.getStatus().getNextRunAt()).as("suspend pauses the schedule").isNull();
        clock.advance(Duration.ofMinutes(5));
        assertThat(reconcile()).isEmpty();

        assertThat(backend.launches).hasSize(6);
        assertThat(test.getStatus().getHistory()).extracting(RunSummary::getPhase).containsExactly(Phase.Cancelled, Phase.Failed);
        assertThat(test.getStatus().getHistory()).extracting(RunSummary::getTrigger).containsOnly(RunTrigger.Schedule);
        assertThat(store.records).extracting(RunRecord::phase).containsExactly("Failed", "Cancelled");
    }

    @Test
    void anInvalidSpecOfAScheduledTestRunsNothingAndShowsNoNextRun() throws Exception {
        test.getSpec().setSchedule("* * * * *");
        reconcile();
        assertThat(test.getStatus().getNextRunAt()).isNotNull();
        test.getMetadata().setGeneration(2L);
        test.getSpec().getLoad().setConcurrency(0);

        assertThat(reconcile()).as("only the look after its own status patch").contains(LoadTestReconciler.AFTER_PATCH);
        assertThat(reconcile()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(reconcile()).isEmpty();

        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        assertThat(test.getStatus().getNextRunAt()).isNull();
        assertThat(backend.launches).isEmpty();
    }

    @Test
    void resumingAScheduleDoesNotCatchUpWhatRanWhileSuspended() throws Exception {
        test.getSpec().setSchedule("0 * * * *");
        test.getSpec().setSuspend(true);
        reconcile();
        clock.advance(Duration.ofHours(3));
        test.getMetadata().setGeneration(2L);
        test.getSpec().setSuspend(false);

        reconcile();

        assertThat(backend.launches).isEmpty();
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T14:00:00Z");
    }

    @Test
    void anOperatorBackWithinTheStartingDeadlineStartsOneLateRunNotABurst() throws Exception {
        test.getSpec().setSchedule("* * * * *");
        reconcile();
        // the operator is down from 10:00:00 for an hour and 2.5 minutes
        clock.advance(Duration.ofMinutes(62).plusSeconds(30));
        reconciler = reconciler();

        reconcile();

        assertThat(test.getStatus().getRun().getTrigger()).isEqualTo(RunTrigger.Schedule);
        assertThat(test.getStatus().getLastScheduledAt()).as("the latest missed time").isEqualTo("2026-11-23T11:02:00Z");
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T11:03:00Z");
        reconcile();
        assertThat(backend.launches).as("one run").hasSize(3);
    }

    @Test
    void aDailyRunMissedByMoreThanTheStartingDeadlineIsSkipped() throws Exception {
        test.getSpec().setSchedule("0 11 * * *");
        test.getSpec().setStartingDeadline("10m");
        reconcile();
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T11:00:00Z");
        clock.advance(Duration.ofMinutes(75)); // the operator comes back at 11:15

        reconcile();

        assertThat(backend.launches).isEmpty();
        assertThat(test.getStatus().getSkippedRuns()).isEqualTo(1);
        assertThat(test.getStatus().getLastScheduledAt()).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(client.v1().events().inNamespace("team-a").list().getItems())
                .anySatisfy(e -> assertThat(e.getMessage()).contains("missed by more than spec.startingDeadline"));
    }

    @Test
    void startAtRunsOnceAndASpecChangeOfAScheduledTestStartsNoRun() throws Exception {
        test.getSpec().setStartAt("2026-11-23T10:30:00Z");
        reconcile();
        assertThat(test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T10:30:00Z");
        test.getMetadata().setGeneration(2L);
        test.getSpec().getLoad().setConcurrency(7);
        reconcile();
        assertThat(backend.launches).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        reconcile();
        assertThat(test.getStatus().getRun().getTrigger()).isEqualTo(RunTrigger.StartAt);
        assertThat(test.getStatus().getRun().getGeneration()).isEqualTo(2L);
        failTheRun();
        clock.advance(Duration.ofDays(1));

        assertThat(reconcile()).isEmpty();
        assertThat(test.getStatus().getNextRunAt()).isNull();
        assertThat(backend.launches).hasSize(3);
    }

    @Test
    void replacePolicyCancelsTheActiveRunAndStartsTheScheduledOne() throws Exception {
        test.getSpec().setSchedule("*/5 * * * *");
        test.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Replace);
        reconcile();
        clock.advance(Duration.ofMinutes(5));
        reconcile();
        reconcile();
        String first = test.getStatus().getRun().getId();
        clock.advance(Duration.ofMinutes(5));

        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Cancelled);
        assertThat(test.getStatus().getMessage()).contains("replaced by the run scheduled at 2026-11-23T10:10:00Z");
        reconcile();

        assertThat(test.getStatus().getRun().getId()).isNotEqualTo(first);
        assertThat(test.getStatus().getLastScheduledAt()).isEqualTo("2026-11-23T10:10:00Z");
        assertThat(store.records).singleElement().satisfies(r -> assertThat(r.phase()).isEqualTo("Cancelled"));
    }

    @Test
    void suspendDuringTheLoadStopsTheWorkersAndKeepsWhatTheyStored() throws Exception {
        ResultKeys keys = runUntilRunning();
        uploadWorker(keys, "w0", 100);
        uploadWorker(keys, "w1", 200); // w2 was stopped before it could upload anything
        test.getMetadata().setGeneration(2L);
        test.getSpec().setSuspend(true);

        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        assertThat(backend.stops).as("every worker stopped").isEqualTo(1);
        reconcile();
        assertThat(test.getStatus().getPhase()).as("waits for the stopped workers' uploads").isEqualTo(Phase.Collecting);
        clock.advance(Duration.ofMinutes(15));
        reconcile();

        var status = test.getStatus();
        assertThat(status.getPhase()).isEqualTo(Phase.Cancelled);
        assertThat(status.getMessage()).startsWith("suspended by spec.suspend at 2026-11-23T10:00:04Z");
        assertThat(status.getConditions()).filteredOn(c -> c.getType().equals("Completed")).singleElement()
                .satisfies(c -> assertThat(c.getMessage()).contains("suspended by spec.suspend"));
        assertThat(status.getResult().getRequests()).as("the partial result is kept").isEqualTo(300);
        assertThat(status.getHistory()).singleElement().satisfies(h -> {
            assertThat(h.getPhase()).isEqualTo(Phase.Cancelled);
            assertThat(h.getRequests()).isEqualTo(300);
        });
        assertThat(store.records).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo("Cancelled");
            assertThat(r.result().getRequests()).isEqualTo(300);
        });
        assertThat(reconcile()).as("suspended: no new run for the new generation").contains(LoadTestReconciler.AFTER_PATCH);
        assertThat(reconcile()).as("suspended: no new run for the new generation").isEmpty();
        assertThat(backend.launches).hasSize(4);
    }

    private ResultKeys runUntilRunning() throws Exception {
        reconcile();
        String runId = test.getStatus().getRun().getId();
        reconcile();
        ResultKeys keys = new ResultKeys("team-a/shop", runId, "eks");
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        reconcile();
        putJson(keys.leaderReady(), new StartSignal.LeaderReady("eks", clock.millis(), 3));
        reconcile();
        long startAt = clock.millis() + 3_000;
        clock.advance(Duration.ofSeconds(4));
        putJson(keys.leaderReport(), new LeaderReport("eks", startAt, clock.millis(), LeaderReport.STARTED, "3 of 3", List.of()));
        backend.set("leader", WorkerState.SUCCEEDED, null);
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Running);
        return keys;
    }

    /** Ends the run that was just created: its workers are launched, one fails before the start. */
    private void failTheRun() throws Exception {
        reconcile();
        backend.set("w1", WorkerState.FAILED, "pod failed");
        reconcile();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
    }

    private LoadTestReconciler reconciler() {
        return OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend), new PodCache(client),
                TestRegions.none(), store, store, List.of(), new RunMetrics(new SimpleMeterRegistry()), clock);
    }

    /** One reconciliation plus the look that records a decided run; returns when it asks to be called again. */
    private Optional<Duration> reconcile() throws Exception {
        Optional<Duration> again = reconcileOnce();
        if (test.getStatus().getPhase() == Phase.Recording) {
            again = reconcileOnce();
        }
        return again;
    }

    private Optional<Duration> reconcileOnce() throws Exception {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
        return control.getScheduleDelay().map(Duration::ofMillis);
    }

    private void uploadWorker(ResultKeys keys, String workerId, int samples) throws Exception {
        long startedAt = Instant.parse(test.getStatus().getRun().getStartedAt()).toEpochMilli();
        WorkerUpload.put(store, keys, samples, 1_000, new WorkerReport(workerId, "eks", "native", startedAt, startedAt - 100,
                startedAt, startedAt + 1_000, samples, WorkerReport.STOPPED, null));
    }

    private void putJson(String key, Object value) throws Exception {
        store.put("bucket", key, JSON.writeValueAsBytes(value), "application/json");
    }
}
