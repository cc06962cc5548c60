package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.demo.LocalRun;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./dlt-local} as users run it (its main class, in this JVM, each run its own local cloud): two at
 * once on their own targets, both exiting 0 without the bundled target's check; history that builds up
 * across runs; a LoadTest deleted mid-run; a manifest aimed off this machine refused before anything starts.
 */
class LocalRunEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void twoLocalCloudsAtOnceSucceedOnTheirOwnTargetsAndHistoryBuildsUpAcrossRestarts() throws Exception {
        Path workA = Files.createDirectories(dir.resolve("a"));
        Path workB = Files.createDirectories(dir.resolve("b"));
        try (TargetServer targetA = TargetServer.start(InetAddress.getByName("127.0.96.2"), 0, TargetConfig.DEFAULT);
             TargetServer targetB = TargetServer.start(InetAddress.getByName("127.0.96.3"), 0, TargetConfig.DEFAULT)) {
            Path manifestA = manifest("history", targetA, "3s");
            Path manifestB = manifest("other", targetB, "3s");

            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> run(manifestA, workA));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> run(manifestB, workB));
            assertThat(a.get(180, TimeUnit.SECONDS)).as("exit of the first cloud's run").isZero();
            assertThat(b.get(180, TimeUnit.SECONDS)).as("exit of the second cloud's run").isZero();
            assertThat(targetA.counters().requests()).isPositive();
            assertThat(targetB.counters().requests()).isPositive();

            // the first cloud again, from the same directory: a restart with the state it left
            assertThat(run(manifestA, workA)).as("exit of the second run on the first cloud").isZero();
        }
        try (LocalCloud restarted = LocalCloud.start(workA, LocalCloudExtension.root().resolve("crds"))) {
            List<Map<String, AttributeValue>> runs = restarted.dynamo().query(q -> q.tableName(LocalCloud.TABLE)
                    .keyConditionExpression("testId = :t AND begins_with(sk, :run)")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("default/history"), ":run", AttributeValue.fromS("RUN#"))))
                    .items();
            assertThat(runs).as("one history item per run, kept across restarts").hasSize(2);
            assertThat(runs).allSatisfy(item -> assertThat(item.get("phase").s()).isEqualTo("Succeeded"));
        }
        assertThat(Files.exists(workA.resolve(LocalRun.KUBECONFIG))).as("the kubeconfig of an ended run is removed").isFalse();
    }

    @Test
    void aLoadTestDeletedMidRunEndsTheRunCleanly() throws Exception {
        Path work = Files.createDirectories(dir.resolve("deleted"));
        try (TargetServer target = TargetServer.start(InetAddress.getByName("127.0.96.4"), 0, TargetConfig.DEFAULT)) {
            Path manifest = manifest("doomed", target, "10m");
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> run(manifest, work));
            Path kubeconfig = work.resolve(LocalRun.KUBECONFIG);
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(kubeconfig) || run.isDone());
            try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
                var doomed = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace("default").withName("doomed");
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> doomed.get() != null && "Running".equals(new LoadTestView(doomed.get()).phase()));
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> target.counters().requests() > 0);
                doomed.delete();
            }
            assertThat(run.get(60, TimeUnit.SECONDS)).as("exit after the delete").isZero();
            long after = target.counters().requests();
            Thread.sleep(500);
            assertThat(target.counters().requests()).as("no load once the run has ended").isEqualTo(after);
        }
    }

    @Test
    void aManifestWithAUrlOffThisMachineIsRefusedBeforeAnythingStarts() throws Exception {
        Path work = Files.createDirectories(dir.resolve("refused"));
        Path manifest = Files.writeString(dir.resolve("away.yaml"), """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: away}
                spec:
                  scenario: {requests: [{url: "http://127.0.0.1:8080/"}, {url: "http://192.0.2.10/checkout"}]}
                  load: {concurrency: 2, holdFor: 3s}
                  workers: [{backend: eks-fargate, count: 2}]
                """);

        assertThat(run(manifest, work)).isEqualTo(2);
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.toList()).as("nothing started: no logs, no data").isEmpty();
        }
    }

    private Path manifest(String name, TargetServer target, String holdFor) throws java.io.IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s}
                spec:
                  scenario: {requests: [{url: "%s"}]}
                  load: {concurrency: 2, holdFor: %s}
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(name, target.baseUri(), holdFor));
    }

    private static int run(Path manifest, Path work) {
        try {
            return LocalRun.run(LocalCloudExtension.root(), manifest, work);
        } catch (Exception e) {
            throw new IllegalStateException("./dlt-local " + manifest.getFileName() + " threw", e);
        }
    }
}
