package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.api.Phase;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S3 failing while a decided run stores what it leaves behind (report.html, timeline.json, basis.json and
 * basis.hdr.json): the run waits, Blocked on S3, and ends with everything stored, or ends Failed naming S3
 * at the record deadline, still recorded; status never points at a report that was not stored.
 */
@EnableKubernetesMockClient(crud = true)
class ReportFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    KubernetesClient client;
    private RunDriver run;

    @BeforeEach
    void setUp() {
        run = new RunDriver(client);
    }

    @Test
    void s3DownWhileRecordingWaitsAndThenStoresTheReportTheTimelineAndTheRecord() {
        ResultKeys keys = run.toRunning();
        run.toRecording(keys, 100);
        run.store.s3Down = true;

        Optional<Duration> next = run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(next).as("looked at again").isPresent();
        assertThat(run.condition("Blocked").getStatus()).isEqualTo("True");
        assertThat(run.condition("Blocked").getReason()).isEqualTo("S3Unavailable");
        assertThat(run.test.getStatus().getResult().getReportUrl()).as("no report stored yet").isNull();
        assertThat(run.store.data.records).as("the record waits for the report it points at").isEmpty();
        run.clock.advance(Duration.ofMinutes(4));
        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Recording);

        run.store.s3Down = false;
        run.reconcile();

        var status = run.test.getStatus();
        assertThat(status.getPhase()).as(status.getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(status.getResult().getReportUrl()).isEqualTo("s3://bucket/" + keys.report());
        assertThat(run.stored(keys.report())).isTrue();
        assertThat(run.stored(keys.timeline())).isTrue();
        assertThat(run.stored(keys.runPrefix() + "basis.json")).isTrue();
        assertThat(run.stored(keys.runPrefix() + "basis.hdr.json")).isTrue();
        assertThat(run.store.data.records).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo("Succeeded");
            assertThat(r.result().getReportUrl()).isEqualTo("s3://bucket/" + keys.report());
        });
        assertThat(run.condition("Blocked").getStatus()).isEqualTo("False");
    }

    @Test
    void s3DownPastTheRecordDeadlineEndsFailedNamingS3AndStillRecordsTheResult() {
        ResultKeys keys = run.toRunning();
        run.toRecording(keys, 100);
        run.store.s3Down = true;
        run.reconcile();

        run.clock.advance(Duration.ofMinutes(11)); // the record timeout is 10 min
        Optional<Duration> next = run.reconcile();

        var status = run.test.getStatus();
        assertThat(status.getPhase()).as(status.getMessage()).isEqualTo(Phase.Failed);
        assertThat(next).as("only the look after its own status patch").contains(LoadTestReconciler.AFTER_PATCH);
        assertThat(run.reconcile()).as("and then nothing more").isEmpty();
        assertThat(run.condition("Completed").getReason()).isEqualTo("S3Unavailable");
        assertThat(status.getMessage()).contains("300 requests").contains("report not stored").contains("gave up waiting for S3");
        assertThat(status.getResult().getRequests()).as("the result is kept").isEqualTo(300);
        assertThat(status.getResult().getReportUrl()).as("no report, none pointed at").isNull();
        assertThat(run.stored(keys.report())).isFalse();
        assertThat(run.condition("Recorded").getStatus()).isEqualTo("True");
        assertThat(run.store.data.records).singleElement().satisfies(r -> {
            assertThat(r.phase()).isEqualTo("Failed");
            assertThat(r.result().getRequests()).isEqualTo(300);
        });
        assertThat(run.backend.instances).as("workers stopped").isEmpty();
    }

    @Test
    void s3RefusingWritesWhenTheBasisIsStoredHoldsTheRunUntilItIsStored() {
        ResultKeys keys = run.toRunning();
        for (int i = 0; i < 3; i++) {
            run.uploadWorker(keys, "w" + i, 100, 1_000, WorkerReport.COMPLETED);
        }
        run.backend.setAllWorkers(WorkerState.SUCCEEDED);
        run.reconcile();
        run.store.s3WritesDown = true; // the workers' files can be read, nothing can be stored

        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Collecting);
        assertThat(run.condition("Blocked").getReason()).isEqualTo("S3Unavailable");
        assertThat(run.test.getStatus().getResult()).as("decided only once its basis is stored").isNull();

        run.clock.advance(Duration.ofMinutes(2));
        run.store.s3WritesDown = false;
        run.reconcile();
        run.reconcile();

        assertThat(run.test.getStatus().getPhase()).as(run.test.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
        assertThat(run.stored(keys.runPrefix() + "basis.json")).isTrue();
        assertThat(run.stored(keys.runPrefix() + "basis.hdr.json")).isTrue();
        assertThat(run.stored(keys.report())).isTrue();
        assertThat(run.store.data.records).singleElement();
    }

    @Test
    void aRestartedOperatorThatCannotListTheLiveRecordsWritesNoEmptyTimeline() throws Exception {
        ResultKeys keys = run.toRunning();
        for (long interval = 0; interval < 2; interval++) {
            for (int w = 0; w < 3; w++) {
                run.liveInterval(keys, "w" + w, interval, 50);
            }
            run.clock.advance(Duration.ofSeconds(5));
            run.reconcile();
        }
        run.toRecording(keys, 100);
        run.restart(); // the live records followed so far are forgotten
        run.store.s3ReadsDown = true; // S3 stores objects but cannot list or read them

        run.reconcile();
        assertThat(run.test.getStatus().getPhase()).isEqualTo(Phase.Recording);
        assertThat(run.condition("Blocked").getReason()).isEqualTo("S3Unavailable");
        assertThat(run.stored(keys.timeline())).as("not written from a read that failed").isFalse();

        run.store.s3ReadsDown = false;
        run.reconcile();

        assertThat(run.test.getStatus().getPhase()).as(run.test.getStatus().getMessage()).isEqualTo(Phase.Succeeded);
        JsonNode timeline = JSON.readTree(run.store.data.objects.get("bucket/" + keys.timeline()));
        long requests = 0;
        for (JsonNode point : timeline.path("points")) {
            requests += point.path("total").path("requests").asLong();
        }
        assertThat(requests).as("every live interval of every worker").isEqualTo(300);
    }
}
