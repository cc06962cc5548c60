package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-group worker settings through the packaged operator: the worker and leader pods of a group with
 * {@code resources} carry that cpu and memory as requests and limits in the API server, a group without
 * them the operator-wide default, and both runs succeed with every request the target saw reported.
 */
@ExtendWith(LocalCloudExtension.class)
class WorkerSettingsEndToEndTest {

    private static final String ROLE = "load.dlt.dev/role";

    @Test
    void theWorkerAndLeaderPodsOfAGroupCarryItsResources(CloudTestBed bed) throws Exception {
        LoadTests tests = bed.tests();
        TargetServer sizedTarget = bed.target("127.0.98.44", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)));
        TargetServer defaultTarget = bed.target("127.0.98.45", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)));
        tests.apply(loadTest("sized", sizedTarget, ", resources: {cpu: 750m, memory: 1536Mi}"));
        tests.apply(loadTest("unsized", defaultTarget, ""));
        Map<String, List<Pod>> pods = podsOnceTheLeaderRuns(tests, "sized", "unsized");

        for (String name : List.of("sized", "unsized")) {
            LoadTestView done = bed.awaitSucceeded(name, Duration.ofMinutes(3));
            TargetServer target = name.equals("sized") ? sizedTarget : defaultTarget;
            assertThat((long) LoadTestView.number(done.result().get("requests"))).isPositive().isEqualTo(target.counters().requests());
        }

        assertThat(pods.get("sized")).extracting(p -> p.getMetadata().getLabels().get(ROLE)).containsExactlyInAnyOrder("worker", "worker", "leader");
        assertThat(pods.get("sized")).allSatisfy(pod -> {
            Container container = pod.getSpec().getContainers().getFirst();
            Map<String, Quantity> expected = Map.of("cpu", new Quantity("750m"), "memory", new Quantity("1536Mi"));
            assertThat(container.getResources().getRequests()).as(pod.getMetadata().getName()).isEqualTo(expected);
            assertThat(container.getResources().getLimits()).as(pod.getMetadata().getName()).isEqualTo(expected);
        });
        // the control: without resources the pods get the operator's default, which is not what the group asked for
        assertThat(pods.get("unsized")).hasSize(3).allSatisfy(pod -> {
            Map<String, Quantity> requests = pod.getSpec().getContainers().getFirst().getResources().getRequests();
            assertThat(requests).containsOnlyKeys("cpu", "memory").doesNotContainEntry("cpu", new Quantity("750m"))
                    .doesNotContainEntry("memory", new Quantity("1536Mi"));
        });
        tests.delete("sized");
        tests.delete("unsized");
    }

    private static String loadTest(String name, TargetServer target, String settings) {
        return """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario: {requests: [{label: page, url: "%spage"}]}
                  load: {concurrency: 2, rampUp: 1s, holdFor: 3s}
                  workers: [{backend: eks-fargate, count: 2%s}]
                """.formatted(name, target.baseUri(), settings);
    }

    /** The pods of each test as the API server holds them, taken once its leader exists (they are removed when the run ends). */
    private static Map<String, List<Pod>> podsOnceTheLeaderRuns(LoadTests tests, String... names) {
        Map<String, List<Pod>> seen = new ConcurrentHashMap<>();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String name : names) {
                List<Pod> pods = tests.pods(name);
                if (!seen.containsKey(name) && pods.stream().anyMatch(p -> "leader".equals(p.getMetadata().getLabels().get(ROLE)))) {
                    seen.put(name, pods);
                }
            }
            return seen.size() == names.length;
        });
        return seen;
    }
}
