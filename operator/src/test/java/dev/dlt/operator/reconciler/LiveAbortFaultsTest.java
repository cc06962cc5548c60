package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.WorkerState;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ThresholdSpec;
import dev.dlt.operator.verdict.Verdict;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@code abortOnFail} threshold under faults: live records S3 cannot give never stop a run (missing
 * numbers are not a breach), and a breach decided before a restart is still carried out, with its verdict.
 * The fleet sends 60 rps (3 workers, 100 requests per 5 s interval each).
 */
@EnableKubernetesMockClient(crud = true)
class LiveAbortFaultsTest {

    KubernetesClient client;
    private RunDriver run;

    @BeforeEach
    void setUp() {
        run = new RunDriver(client);
        run.test.getSpec().getLoad().setHoldFor("5m");
    }

    @Test
    void liveRecordsMissingDuringAnS3OutageNeverStopTheRun() {
        abortWhenRpsNotAbove("50");
        ResultKeys keys = run.toRunning();
        for (long interval = 0; interval < 4; interval++) {
            fleetInterval(keys, interval, List.of("w0", "w1", "w2"));
        }
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Running);

        run.store.s3Down = true; // neither the operator reads nor the workers store live records
        for (int i = 0; i < 12; i++) {
            run.clock.advance(Duration.ofSeconds(5));
            run.reconcile();
        }
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Running);
        run.store.s3Down = false;
        // w0's retried upload lands first: its record covers the outage, w1's and w2's are a minute old
        for (long interval = 4; interval < 16; interval++) {
            run.liveInterval(keys, "w0", interval, 100);
        }
        run.clock.advance(Duration.ofSeconds(3));
        run.reconcile();

        assertThat(run.test.getStatus().getPhase()).as("20 rps of one worker is not the fleet's rate").isEqualTo(Phase.Running);
        assertThat(run.test.getStatus().getRun().getAbortedOnThreshold()).isNull();
        assertThat(run.backend.stops).isZero();
        for (long interval = 4; interval < 16; interval++) {
            run.liveInterval(keys, "w1", interval, 100);
            run.liveInterval(keys, "w2", interval, 100);
        }
        run.clock.advance(Duration.ofSeconds(3));
        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Running);
        assertThat(run.backend.stops).isZero();

        run.toRecording(keys, 100);
        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).as(run.test.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(run.test.getStatus().getRun().getAbortedOnThreshold()).isNull();
        assertThat(run.store.data.records).singleElement();
    }

    @Test
    void aBreachDecidedBeforeARestartIsStillCarriedOutAndFailsTheVerdict() {
        abortWhenRpsNotAbove("100");
        ResultKeys keys = run.toRunning();
        run.backend.stopFails = new KubernetesClientException("connect timed out");
        for (long interval = 0; interval < 3; interval++) {
            fleetInterval(keys, interval, List.of("w0", "w1", "w2"));
        }
        var status = run.test.getStatus();
        assertThat(status.getRun().getAbortedOnThreshold()).as("decided and kept in status").startsWith("rps above 100 broke at");
        assertThat(status.getPhase()).isEqualTo(Phase.Running);
        assertThat(run.condition("Blocked").getReason()).isEqualTo("KubernetesUnavailable");
        assertThat(run.backend.stops).as("the stop failed").isZero();
        String breach = status.getRun().getAbortedOnThreshold();

        run.restart(); // the new operator has read no live record
        run.backend.stopFails = null;
        run.store.s3ReadsDown = true; // and cannot read them: the breach cannot be seen again
        run.clock.advance(Duration.ofSeconds(2));
        run.reconcile();

        assertThat(run.backend.stops).as("the decided stop is carried out").isEqualTo(1);
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        run.store.s3ReadsDown = false;
        for (int i = 0; i < 3; i++) {
            run.uploadWorker(keys, "w" + i, 300, 1_000, WorkerReport.STOPPED);
        }
        run.backend.setAllWorkers(WorkerState.SUCCEEDED);
        run.reconcile();
        run.reconcile();

        status = run.test.getStatus();
        assertThat(status.getPhase()).as(status.getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(status.getResult().getVerdict()).isEqualTo(Verdict.Failed);
        assertThat(run.condition("Passed").getReason()).isEqualTo("AbortedOnThreshold");
        assertThat(run.condition("Passed").getMessage()).contains(breach);
        assertThat(run.store.data.records).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo("Failed"));
    }

    private void abortWhenRpsNotAbove(String bound) {
        ThresholdSpec rps = new ThresholdSpec();
        rps.setMetric("rps");
        rps.setAbove(new IntOrString(bound));
        rps.setAbortOnFail(true);
        rps.setAbortDelay("10s");
        run.test.getSpec().setThresholds(List.of(rps));
    }

    /** The workers store their record of one interval, then the operator looks, at the interval's end. */
    private void fleetInterval(ResultKeys keys, long interval, List<String> workers) {
        workers.forEach(w -> run.liveInterval(keys, w, interval, 100));
        run.clock.advance(Duration.ofSeconds(5));
        run.reconcile();
    }
}
