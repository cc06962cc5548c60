package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.ConcurrencyPolicy;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunTrigger;
import dev.dlt.operator.store.RunRecord;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB down while a scheduled run records: the run waits, Blocked, and records once DynamoDB is back;
 * a scheduled time that comes meanwhile follows spec.concurrencyPolicy, and no scheduled run is lost or doubled.
 */
@EnableKubernetesMockClient(crud = true)
class ScheduledRecordFaultsTest {

    KubernetesClient client;
    private RunDriver run;

    @BeforeEach
    void setUp() {
        run = new RunDriver(client);
        run.test.getSpec().setSchedule("*/5 * * * *");
    }

    @Test
    void aTimeThatComesWhileTheRunWaitsForDynamoDbIsSkippedAndTheNextOneRuns() {
        String first = recordingTheRunOf1005WithDynamoDbDown();

        run.clock.advance(Duration.ofMinutes(5)); // 10:10 comes while the run of 10:05 waits for DynamoDB
        run.reconcile();
        var status = run.test.getStatus();
        assertThat(status.getPhase()).isEqualTo(Phase.Recording);
        assertThat(status.getRun().getId()).isEqualTo(first);
        assertThat(status.getSkippedRuns()).isEqualTo(1);
        assertThat(status.getLastScheduledAt()).isEqualTo("2026-11-23T10:10:00Z");
        assertThat(status.getNextRunAt()).isEqualTo("2026-11-23T10:15:00Z");

        run.restart(); // what the schedule decided is in status, not in the operator
        run.store.dynamoDown = false;
        Optional<Duration> next = run.reconcile();
        assertThat(run.test.getStatus().getPhase()).as(run.test.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(run.store.data.records).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(first);
            assertThat(r.trigger()).isEqualTo("Schedule");
        });
        next = next.isPresent() && next.get().compareTo(Duration.ofSeconds(1)) < 0 ? run.reconcile() : next;
        assertThat(run.test.getStatus().getRun().getId()).as("the skipped time does not run late").isEqualTo(first);
        assertThat(next).as("waits for 10:15").isPresent();
        assertThat(run.clock.instant().plus(next.get())).isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));

        run.clock.advance(next.get());
        run.reconcile();
        status = run.test.getStatus();
        assertThat(status.getRun().getId()).isNotEqualTo(first);
        assertThat(status.getRun().getTrigger()).isEqualTo(RunTrigger.Schedule);
        assertThat(status.getLastScheduledAt()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(status.getNextRunAt()).isEqualTo("2026-11-23T10:20:00Z");
        run.reconcile();
        assertThat(run.backend.launches).as("the run of 10:05 (3 workers, a leader), the one of 10:15 (3 workers so far)").hasSize(4 + 3);
        assertThat(run.store.data.records).extracting(RunRecord::runId).containsExactly(first);
    }

    @Test
    void withReplaceTheRecordingRunIsKeptAndTheScheduledOneStartsOnceItIsRecorded() {
        run.test.getSpec().setConcurrencyPolicy(ConcurrencyPolicy.Replace);
        String first = recordingTheRunOf1005WithDynamoDbDown();

        run.clock.advance(Duration.ofMinutes(5));
        run.reconcile();
        run.clock.advance(Duration.ofSeconds(30));
        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(run.test.getStatus().getRun().getOutcome()).as("its load is over: nothing to replace").isEqualTo(Phase.Succeeded);
        assertThat(client.v1().events().inNamespace("team-a").list().getItems()).extracting(e -> e.getReason() + ": " + e.getMessage())
                .as("no run was cancelled").noneMatch(e -> e.startsWith("Cancelled"));

        run.store.dynamoDown = false;
        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
        run.reconcile();

        var status = run.test.getStatus();
        assertThat(status.getRun().getId()).isNotEqualTo(first);
        assertThat(status.getRun().getTrigger()).isEqualTo(RunTrigger.Schedule);
        assertThat(status.getLastScheduledAt()).isEqualTo("2026-11-23T10:10:00Z");
        assertThat(status.getNextRunAt()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(status.getSkippedRuns()).isNull();
        assertThat(status.getHistory()).singleElement().satisfies(h -> assertThat(h.getPhase()).isEqualTo(Phase.Succeeded));
        assertThat(run.store.data.records).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(first);
            assertThat(r.phase()).isEqualTo("Succeeded");
        });
    }

    /** The run scheduled at 10:05 loads, is decided, and waits in Recording with DynamoDB down; its id. */
    private String recordingTheRunOf1005WithDynamoDbDown() {
        assertThat(run.reconcile()).contains(Duration.ofMinutes(5));
        run.clock.advance(Duration.ofMinutes(5));
        run.reconcile();
        assertThat(run.test.getStatus().getRun().getTrigger()).isEqualTo(RunTrigger.Schedule);
        String id = run.test.getStatus().getRun().getId();
        var keys = run.toRunning();
        run.store.dynamoDown = true;
        run.toRecording(keys, 100);
        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(run.condition("Blocked").getReason()).isEqualTo("DynamoDbUnavailable");
        assertThat(run.test.getStatus().getResult().getRequests()).isEqualTo(300);
        assertThat(run.test.getStatus().getNextRunAt()).isEqualTo("2026-11-23T10:10:00Z");
        return id;
    }
}
