package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator killed with SIGKILL in each phase of a run and started again: the new operator adopts
 * the run (same run id, no pod launched twice) and it ends once, with every request counted and one
 * DynamoDB record. Each phase is held open by the harness so that the kill lands in it.
 */
@ExtendWith(FaultCloudExtension.class)
class OperatorRestartEndToEndTest {

    private static final int WORKERS = 3;
    private static final int HOLD_SECONDS = 3;

    private FaultCloud faults;
    private TargetServer target;

    @BeforeEach
    void start(FaultCloud faults, CloudTestBed bed) throws Exception {
        this.faults = faults;
        target = bed.target("127.0.96.2", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10)));
    }

    @Test
    void killedWhileLaunching() throws Exception {
        faults.kubelet().hold(ofTest("restart-launch"));
        try (FaultRun run = FaultRun.apply(faults, "restart-launch", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            // the pods exist but do not start: the run stays in Launching
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> faults.kubelet().heldPods() == WORKERS);
            LoadTestView before = killIn(run, "Launching");
            faults.cloud().restartOperator();
            faults.kubelet().release();
            finishOnce(run, before);
        }
    }

    @Test
    void killedWhileStarting() throws Exception {
        faults.kubelet().hold(ofTest("restart-start").and(pod -> "leader".equals(pod.getMetadata().getLabels().get("load.dlt.dev/role"))));
        try (FaultRun run = FaultRun.apply(faults, "restart-start", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            // the workers listen but their leader does not start: the run stays in Starting
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> faults.kubelet().heldPods() == 1);
            LoadTestView before = killIn(run, "Starting");
            faults.cloud().restartOperator();
            faults.kubelet().release();
            finishOnce(run, before);
        }
    }

    @Test
    void killedWhileRunning() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "restart-run", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            LoadTestView before = killIn(run, "Running");
            faults.cloud().restartOperator();
            finishOnce(run, before);
        }
    }

    @Test
    void killedWhileCollecting() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "restart-collect", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            // every result is in S3; freezing S3 now keeps the operator in Collecting
            run.awaitReportsUploaded(WORKERS, Duration.ofSeconds(90));
            faults.cloud().s3Server().freeze();
            LoadTestView before = killIn(run, "Collecting");
            faults.cloud().s3Server().thaw();
            faults.cloud().restartOperator();
            finishOnce(run, before);
        }
    }

    @Test
    void killedWhileRecording() throws Exception {
        try (FaultRun run = FaultRun.apply(faults, "restart-record", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            // DynamoDB is only written at record time; frozen, it keeps the operator in Recording
            run.awaitPhase("Running", Duration.ofSeconds(60));
            faults.cloud().dynamoServer().freeze();
            LoadTestView before = killIn(run, "Recording");
            faults.cloud().dynamoServer().thaw();
            faults.cloud().restartOperator();
            finishOnce(run, before);
        }
    }

    /** Waits for {@code phase}, checks the run is really in it, and kills the operator there. */
    private LoadTestView killIn(FaultRun run, String phase) {
        LoadTestView before = run.awaitPhase(phase, Duration.ofSeconds(60));
        assertThat(before.phase()).as("the run should be held in %s: %s", phase, before.message()).isEqualTo(phase);
        faults.cloud().killOperator();
        assertThat(faults.cloud().operator().alive()).isFalse();
        return before;
    }

    private void finishOnce(FaultRun run, LoadTestView before) {
        LoadTestView done = run.awaitEnd();
        assertThat(done.run().get("id")).as("the restarted operator adopts the run").isEqualTo(before.run().get("id"));
        run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
    }

    private static Predicate<Pod> ofTest(String name) {
        return pod -> name.equals(pod.getMetadata().getLabels().get("load.dlt.dev/test"));
    }
}
