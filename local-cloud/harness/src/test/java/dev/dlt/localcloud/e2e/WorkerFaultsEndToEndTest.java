package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.faults.WorkerFault;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workers that crash, never upload, or are flooded: the run still ends once, the lost worker is
 * named in PartialResults, and the others' requests are counted exactly (each worker has a target of
 * its own, so its share is known). Agents run as processes here, as in a container.
 */
@ExtendWith(FaultCloudExtension.class)
class WorkerFaultsEndToEndTest {

    private static final int WORKERS = 3;
    private static final int HOLD_SECONDS = 4;
    /** 2 of 3 workers (67 %) are enough for a result in these tests. */
    private static final String THRESHOLD = "healthyThreshold: 60";

    private FaultCloud faults;

    @BeforeEach
    void start(FaultCloud faults) {
        this.faults = faults;
    }

    @Test
    void agentsRunAsProcessesWithTheirOwnTargetsGiveTheExactResult() throws Exception {
        faults.kubelet().runAgentsAsProcesses(true);
        try (PerWorkerTargets targets = PerWorkerTargets.start(faults.kubelet(), "as-processes", WORKERS);
             FaultRun run = FaultRun.apply(faults, "as-processes", targets.url(), WORKERS, HOLD_SECONDS, "")) {
            LoadTestView done = run.awaitEnd();
            for (int i = 0; i < WORKERS; i++) {
                assertThat(targets.requestsOf(i)).as("requests of w%d, through its own host name", i).isPositive();
            }
            run.assertSucceededOnce(done, targets.requestsExcept(-1), WORKERS);
        }
    }

    @Test
    void aWorkerKilledMidRunIsNamedAndTheOthersAreCountedExactly() throws Exception {
        faults.kubelet().runAgentsAsProcesses(true);
        try (PerWorkerTargets targets = PerWorkerTargets.start(faults.kubelet(), "worker-killed", WORKERS);
             FaultRun run = FaultRun.apply(faults, "worker-killed", targets.url(), WORKERS, HOLD_SECONDS, THRESHOLD)) {
            run.awaitPhase("Running", Duration.ofSeconds(90));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> targets.requestsOf(1) > 0);
            faults.kubelet().kill("worker-killed", "w1");

            LoadTestView done = run.awaitEnd();
            assertThat(targets.requestsOf(1)).as("the killed worker had generated load").isPositive();
            run.assertPartialResultsName(done, List.of("w1"), WORKERS);
            run.assertSucceededOnce(done, targets.requestsExcept(1), WORKERS - 1);
        }
    }

    @Test
    void aWorkerThatNeverUploadsIsNamedOnceTheCollectTimeoutIsOver() throws Exception {
        faults.kubelet().runAgentsAsProcesses(true);
        faults.kubelet().inject("never-uploads", "w1", new WorkerFault.NeverUploads());
        try (PerWorkerTargets targets = PerWorkerTargets.start(faults.kubelet(), "never-uploads", WORKERS);
             FaultRun run = FaultRun.apply(faults, "never-uploads", targets.url(), WORKERS, HOLD_SECONDS, THRESHOLD)) {
            LoadTestView done = run.awaitEnd();
            assertThat(targets.requestsOf(1)).as("the silent worker had generated load").isPositive();
            run.assertPartialResultsName(done, List.of("w1"), WORKERS);
            run.assertSucceededOnce(done, targets.requestsExcept(1), WORKERS - 1);
        }
    }

    @Test
    void twoHundredSlowDripConnectionsOnAWorkersGateDoNotStopTheStart() throws Exception {
        faults.kubelet().hold(pod -> "slow-drip".equals(pod.getMetadata().getLabels().get("load.dlt.dev/test"))
                && "leader".equals(pod.getMetadata().getLabels().get("load.dlt.dev/role")));
        try (TargetServer target = TargetServer.start(InetAddress.getByName("127.0.96.3"), 0, TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10)));
             FaultRun run = FaultRun.apply(faults, "slow-drip", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            // every worker listens (the leader is launched only then), and is flooded before the leader comes
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> faults.kubelet().heldPods() == 1);
            Pod w0 = new LoadTests(faults.cloud().kubernetes()).pods("slow-drip").stream()
                    .filter(p -> "w0".equals(p.getMetadata().getLabels().get("load.dlt.dev/worker"))).findFirst().orElseThrow();
            try (SlowDrip drip = new SlowDrip(new InetSocketAddress(w0.getStatus().getPodIP(), 50000), 200)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> drip.open() >= 64);
                faults.kubelet().release();
                LoadTestView done = run.awaitEnd();
                run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
            }
        }
    }
}
