package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.net.InetAddress;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deleting a LoadTest mid-run stops every worker it launched. */
@ExtendWith(LocalCloudExtension.class)
class CancelEndToEndTest {

    @Test
    void deletingARunningLoadTestStopsItsWorkers(LocalCloud cloud) throws Exception {
        LoadTests tests = new LoadTests(cloud.kubernetes());
        try (TargetServer target = TargetServer.start(InetAddress.getByName("127.0.98.2"), 0, TargetConfig.DEFAULT.withLatency(Duration.ofMillis(5)))) {
            tests.apply("""
                    apiVersion: load.dlt.dev/v1alpha1
                    kind: LoadTest
                    metadata: {name: long, namespace: default}
                    spec:
                      scenario: {requests: [{url: "%s"}]}
                      load: {concurrency: 2, holdFor: 10m}
                      workers: [{backend: eks-fargate, count: 2}]
                    """.formatted(target.baseUri()));
            tests.await("long", v -> "Running".equals(v.phase()), Duration.ofSeconds(60));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> target.counters().requests() > 0);
            assertThat(tests.pods("long")).hasSize(3); // 2 workers + the leader

            tests.delete("long");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tests.get("long") == null && tests.pods("long").isEmpty());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cloud.kubelet().runningPods() == 0);
            long after = target.counters().requests();
            Thread.sleep(500);
            assertThat(target.counters().requests()).as("no load after the workers stopped").isEqualTo(after);
        }
    }
}
