package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.OperatorProcess;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two operator replicas under lease-based leader election: the leader is killed with SIGKILL while a
 * run is going, the follower takes the lease and adopts the run, which ends once, with one result,
 * one DynamoDB record and no pod launched twice.
 */
@ExtendWith(FaultCloudExtension.class)
class LeaderFailoverEndToEndTest {

    private static final int WORKERS = 2;
    private static final int HOLD_SECONDS = 4;
    private static final String LEADS = "leader election: this replica leads";

    private FaultCloud faults;
    private TargetServer target;
    private OperatorProcess leader;
    private OperatorProcess follower;
    private final List<OperatorProcess> started = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start(FaultCloud faults) throws Exception {
        this.faults = faults;
        target = TargetServer.start(InetAddress.getByName("127.0.96.3"), 0, TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10)));
        // the suite's single operator makes way for the two replicas; heal() starts it again
        faults.cloud().killOperator();
        LocalCloud cloud = faults.cloud();
        // both start at once, as a Deployment's replicas do; whichever takes the lease first leads
        CompletableFuture<OperatorProcess> b = CompletableFuture.supplyAsync(() -> replica(cloud, "replica-b"));
        OperatorProcess a = replica(cloud, "replica-a");
        OperatorProcess other = b.join();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> a.log().contains(LEADS) || other.log().contains(LEADS));
        leader = a.log().contains(LEADS) ? a : other;
        follower = leader == a ? other : a;
        String leaderName = leader == a ? "replica-a" : "replica-b";
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> follower.log().contains("leader election: the leader is " + leaderName));
        assertThat(follower.log()).as("one leader at a time").doesNotContain(LEADS);
    }

    private OperatorProcess replica(LocalCloud cloud, String name) {
        try {
            OperatorProcess replica = cloud.startOperatorReplica(name, leaderElection(name));
            started.add(replica);
            return replica;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
        started.forEach(OperatorProcess::close);
    }

    @Test
    void theFollowerTakesOverARunningRunWhenTheLeaderIsKilled() {
        try (FaultRun run = FaultRun.apply(faults, "failover", target.baseUri().toString(), WORKERS, HOLD_SECONDS, "")) {
            LoadTestView before = faults.tests().await(run.name(), v -> "Running".equals(v.phase()) || v.terminal(), Duration.ofSeconds(60));
            assertThat(before.phase()).as("the run should be Running: %s", before.message()).isEqualTo("Running");
            assertThat(follower.log()).as("the follower has not reconciled the run").doesNotContain("run Running");

            leader.kill();
            assertThat(leader.alive()).isFalse();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> follower.log().contains(LEADS));

            LoadTestView done = faults.tests().await(run.name(), LoadTestView::terminal, FaultRun.END_WITHIN);
            assertThat(done.run().get("id")).as("the new leader adopts the run").isEqualTo(before.run().get("id"));
            run.assertSucceededOnce(done, target.counters().requests(), WORKERS);
            assertThat(follower.log()).as("the new leader names the run it finished").contains("runId=" + before.run().get("id"));
        }
    }

    /** Short lease times, so that the failover happens within seconds; still six renewals in a renew deadline on a loaded machine. */
    private static Map<String, String> leaderElection(String identity) {
        return Map.of(
                "dlt.leader-election.enabled", "true",
                "dlt.leader-election.identity", identity,
                "dlt.leader-election.lease-duration", "8s",
                "dlt.leader-election.renew-deadline", "6s",
                "dlt.leader-election.retry-period", "1s");
    }
}
