package dev.dlt.localcloud.demo;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs a real distributed load test on the local cloud: starts S3, DynamoDB, a Kubernetes API with
 * its kubelet, the bundled target server and the packaged operator; applies a LoadTest; prints the
 * run's progress and its results; checks them against what the target server counted.
 */
public final class LocalRun {

    /** Where the bundled target listens; the local examples point at it. */
    public static final String TARGET_HOST = "127.0.99.1";
    public static final int TARGET_PORT = 8080;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("dlt.root", ".")).toAbsolutePath().normalize();
        Path manifest = root.resolve(args.length > 0 ? args[0] : "examples/local/quickstart.yaml");
        Path work = Files.createDirectories(root.resolve(".dlt-local"));
        System.exit(run(root, manifest, work));
    }

    static int run(Path root, Path manifest, Path work) throws Exception {
        long t0 = System.nanoTime();
        Progress progress = new Progress(t0);
        Map<String, String> workerEnv = Map.of();
        if (LocalBzt.wanted(manifest)) {
            Optional<LocalBzt> bzt = LocalBzt.find(System.getenv());
            if (bzt.isEmpty()) {
                System.out.println("dlt-local: " + LocalBzt.MISSING);
                return 2;
            }
            workerEnv = bzt.get().workerEnv(work);
            progress.say("engine taurus: " + bzt.get().bzt() + (bzt.get().jmeterHome() == null ? "" : " with JMeter " + bzt.get().jmeterHome()));
        }
        Path log = LocalLogging.toFile(work);
        progress.say("starting the local cloud (S3Proxy, DynamoDB Local, Kubernetes API + kubelet) in " + work);
        progress.say("logs of the API server, kubelet and workers: " + log);
        // a fixed mix, so the numbers can be checked: 70% 5 ms, 20% 20 ms, 10% 80 ms; 1% errors
        TargetConfig mix = TargetConfig.DEFAULT.withLatencyMix(List.of(
                new TargetConfig.Latency(7, Duration.ofMillis(5)), new TargetConfig.Latency(2, Duration.ofMillis(20)),
                new TargetConfig.Latency(1, Duration.ofMillis(80)))).withErrorRate(0.01).withBodySize(512);
        try (LocalCloud cloud = LocalCloud.start(work, root.resolve("crds"));
             TargetServer target = TargetServer.start(InetAddress.getByName(TARGET_HOST), TARGET_PORT, mix)) {
            progress.say("target server on " + target.baseUri() + " (latency 70% 5 ms / 20% 20 ms / 10% 80 ms, 1% errors)");
            cloud.startOperator(root.resolve("operator/target/quarkus-app/quarkus-run.jar"), work, Duration.ofMillis(500), workerEnv);
            progress.say("operator started (log: " + cloud.operator().logFile() + ")");
            KubernetesClient kube = cloud.kubernetes();
            List<GenericKubernetesResource> resources;
            try (InputStream in = Files.newInputStream(manifest)) {
                resources = kube.load(in).items().stream()
                        .map(r -> kube.getKubernetesSerialization().convertValue(r, GenericKubernetesResource.class)).toList();
            }
            GenericKubernetesResource test = null;
            for (GenericKubernetesResource resource : resources) {
                String namespace = resource.getMetadata().getNamespace() == null ? "default" : resource.getMetadata().getNamespace();
                kube.genericKubernetesResources(resource.getApiVersion(), resource.getKind()).inNamespace(namespace).resource(resource).create();
                progress.say("applied " + resource.getKind() + " " + namespace + "/" + resource.getMetadata().getName() + " from "
                        + root.relativize(manifest));
                if ("LoadTest".equals(resource.getKind())) {
                    test = resource;
                }
            }
            if (test == null) {
                throw new IllegalArgumentException(manifest + " has no LoadTest");
            }
            String namespace = test.getMetadata().getNamespace() == null ? "default" : test.getMetadata().getNamespace();
            String name = test.getMetadata().getName();
            var loadTests = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace(namespace);
            LoadTestView view = progress.follow(() -> new LoadTestView(loadTests.withName(name).get()), Duration.ofMinutes(10));
            System.out.println();
            System.out.print(ResultTable.format(view));
            System.out.println();
            report(view, cloud, work).ifPresent(path -> progress.say("report: " + path));
            return verdict(view, target, cloud, namespace + "/" + name);
        }
    }

    /** Downloads the run's HTML report (status.result.reportUrl) into the work dir. */
    static Optional<Path> report(LoadTestView view, LocalCloud cloud, Path work) {
        String url = LoadTestView.string(view.result().get("reportUrl"));
        String prefix = "s3://" + LocalCloud.BUCKET + "/";
        if (!url.startsWith(prefix)) {
            System.out.println("no report in status.result.reportUrl");
            return Optional.empty();
        }
        try {
            Path file = work.resolve("report-" + LoadTestView.string(view.run().get("id")) + ".html");
            Files.write(file, cloud.s3().getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(url.substring(prefix.length()))).asByteArray());
            return Optional.of(file);
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("report " + url + " not downloaded: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static int verdict(LoadTestView view, TargetServer target, LocalCloud cloud, String testId) {
        long reported = (long) LoadTestView.number(view.result().get("requests"));
        long counted = target.counters().requests();
        System.out.printf(Locale.ROOT, "target server counted %,d requests; the LoadTest status reports %,d: %s%n",
                counted, reported, counted == reported ? "they match" : "MISMATCH");
        Map<String, AttributeValue> item = cloud.dynamo().getItem(b -> b.tableName(LocalCloud.TABLE)
                .key(Map.of("testId", AttributeValue.fromS(testId), "sk", AttributeValue.fromS("LATEST")))).item();
        System.out.printf(Locale.ROOT, "DynamoDB %s item LATEST of %s: phase %s, %s requests%n", LocalCloud.TABLE, testId,
                item.containsKey("phase") ? item.get("phase").s() : "(none)", item.containsKey("requests") ? item.get("requests").n() : "-");
        Map<String, Object> passed = view.condition("Passed");
        if (!passed.isEmpty() && !"NoThresholds".equals(passed.get("reason"))) {
            System.out.println("verdict on spec.thresholds: " + passed.get("message"));
        }
        boolean ok = "Succeeded".equals(view.phase()) && counted == reported && reported > 0;
        System.out.println(ok ? "OK" : "FAILED: " + view.message());
        return ok ? 0 : 1;
    }

    /** Prints elapsed time and each change of phase or message. */
    static final class Progress {
        private final long t0;
        private String last = "";

        Progress(long t0) {
            this.t0 = t0;
        }

        void say(String line) {
            System.out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, line);
        }

        LoadTestView follow(java.util.function.Supplier<LoadTestView> read, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                LoadTestView view = read.get();
                String line = String.format(Locale.ROOT, "%-10s %s", view.phase(), view.message());
                if (!line.equals(last) && !view.phase().isEmpty()) {
                    say(line);
                    last = line;
                }
                if (view.terminal()) {
                    return view;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the LoadTest did not finish within " + timeout);
        }
    }
}
