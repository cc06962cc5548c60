package dev.dlt.localcloud.demo;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.ManifestUrls;
import dev.dlt.localcloud.aws.ClassDataArchives;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./dlt-local}: runs a real distributed load test on the local cloud (S3, DynamoDB, a Kubernetes
 * API with its kubelet, the bundled target server and the packaged operator) and checks it; or, with
 * {@code up}, keeps that cloud running for kubectl, {@code apply} and {@code run}.
 */
public final class LocalRun {

    /** Where the bundled target listens; the local examples point at it. */
    public static final String TARGET_HOST = "127.0.99.1";
    public static final int TARGET_PORT = 8080;
    /** Written by {@code up} in the work directory: kubectl's configuration, and the process to stop on {@code down}. */
    public static final String KUBECONFIG = "kubeconfig";
    public static final String PID_FILE = "up.pid";
    // held here: java.util.logging keeps loggers weakly, and a collected one forgets its level
    private static final java.util.logging.Logger QUIET_VERSION_WARNING =
            java.util.logging.Logger.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils");

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("dlt.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve(".dlt-local"));
        String command = args.length > 0 ? args[0] : "";
        int exit = switch (command) {
            case "up" -> up(root, work, new CountDownLatch(1));
            case "apply", "run" -> {
                if (args.length < 2) {
                    System.out.println("usage: ./dlt-local " + command + " FILE");
                    yield 2;
                }
                yield client(root.resolve(args[1]), work, command.equals("run"));
            }
            default -> run(root, root.resolve(command.isEmpty() ? "examples/local/quickstart.yaml" : command), work);
        };
        System.exit(exit);
    }

    /** The one-shot run: start, apply {@code manifest}, follow, print, check, stop. */
    public static int run(Path root, Path manifest, Path work) throws Exception {
        RunFollower progress = RunFollower.sinceJvmStart();
        Optional<String> refused = refusal(manifest);
        if (refused.isPresent()) {
            System.out.println(refused.get());
            return 2;
        }
        if (upPid(work).isPresent()) {
            // its DynamoDB and S3 own the data directories
            System.out.println("dlt-local: a local cloud is up in " + work + ": ./dlt-local run FILE runs on it, ./dlt-local down stops it");
            return 1;
        }
        Map<String, String> workerEnv = workerEnv(manifest, work, progress);
        if (workerEnv == null) {
            return 2;
        }
        ManifestUrls urls = ManifestUrls.in(Files.readString(manifest));
        try (Cloud cloud = Cloud.start(root, work, workerEnv, urls.anyAt(TARGET_HOST, TARGET_PORT), progress)) {
            // kubectl works during a one-shot run too, until it ends
            progress.say("kubectl: --kubeconfig " + cloud.cloud().writeKubeconfig(work.resolve(KUBECONFIG)));
            KubernetesClient kube = cloud.cloud().kubernetes();
            if (cloud.target() != null) {
                progress.watchTarget(() -> cloud.target().counters().requests());
            }
            GenericKubernetesResource test = progress.apply(kube, manifest);
            String namespace = RunFollower.namespace(test);
            String name = test.getMetadata().getName();
            var loadTests = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace(namespace);
            Optional<LoadTestView> view = progress.follow(() -> loadTests.withName(name).get(), Duration.ofMinutes(10));
            if (view.isEmpty()) {
                System.out.println("LoadTest " + namespace + "/" + name + " was deleted " + progress.lastSeen()
                        + "; its workers are stopped, no result. Stopping the local cloud.");
                return 0;
            }
            System.out.println();
            System.out.print(ResultTable.format(view.get()));
            System.out.println();
            report(view.get(), cloud.cloud(), work).ifPresent(path -> progress.say("report: " + path));
            return verdict(view.get(), urls.allAt(TARGET_HOST, TARGET_PORT) ? cloud.target() : null, cloud.cloud(), namespace + "/" + name);
        } finally {
            deleteQuietly(work.resolve(KUBECONFIG));
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

    /** {@code up}: starts the cloud, writes the kubeconfig, and keeps it running until {@code stop} counts down or the JVM is stopped. */
    public static int up(Path root, Path work, CountDownLatch stop) throws Exception {
        Path pidFile = work.resolve(PID_FILE);
        Optional<Long> running = upPid(work);
        if (running.isPresent()) {
            System.out.println("dlt-local: a local cloud is already up in " + work + " (pid " + running.get() + "); ./dlt-local down stops it");
            return 1;
        }
        RunFollower progress = new RunFollower(System.nanoTime());
        Optional<LocalBzt> bzt = LocalBzt.find(System.getenv());
        // with a bzt the cloud also runs engine: taurus LoadTests; without, they end Failed saying why
        Map<String, String> workerEnv = bzt.isPresent() ? bzt.get().workerEnv(work) : Map.of();
        Cloud cloud = Cloud.start(root, work, workerEnv, true, progress);
        Thread closer = new Thread(() -> {
            cloud.close();
            deleteQuietly(pidFile);
            deleteQuietly(work.resolve(KUBECONFIG));
        }, "dlt-local-down");
        Runtime.getRuntime().addShutdownHook(closer);
        Path kubeconfig = cloud.cloud().writeKubeconfig(work.resolve(KUBECONFIG));
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Path shown = root.relativize(kubeconfig);
        System.out.printf(Locale.ROOT, """

                The local cloud is up (API server %s). Use it with:
                  export KUBECONFIG=%s
                  kubectl apply -f examples/local/quickstart.yaml
                  kubectl get loadtests -w          # or: kubectl get lt, describe lt quickstart, get pods, get events
                  kubectl delete lt quickstart
                  ./dlt-local run FILE              # apply FILE and follow it to its result; ./dlt-local apply FILE only applies
                Results and history stay in %s (DynamoDB table %s, S3 bucket %s).
                Stop it with ./dlt-local down or Ctrl-C.
                """, cloud.cloud().kubectlUrl(), shown, root.relativize(work), LocalCloud.TABLE, LocalCloud.BUCKET);
        stop.await();
        Runtime.getRuntime().removeShutdownHook(closer);
        closer.run();
        return 0;
    }

    /** {@code apply} / {@code run}: against the cloud that {@code up} keeps running in {@code work}. */
    static int client(Path manifest, Path work, boolean follow) throws Exception {
        Path kubeconfig = work.resolve(KUBECONFIG);
        if (!Files.exists(kubeconfig)) {
            System.out.println("dlt-local: no local cloud is up (no " + kubeconfig + "); start one with ./dlt-local up");
            return 1;
        }
        Optional<String> refused = refusal(manifest);
        if (refused.isPresent()) {
            System.out.println(refused.get());
            return 2;
        }
        RunFollower progress = new RunFollower(System.nanoTime());
        var config = io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(kubeconfig));
        // the client's warning about v1alpha1 says nothing a user of the local cloud can act on
        QUIET_VERSION_WARNING.setLevel(java.util.logging.Level.SEVERE);
        try (KubernetesClient kube = new KubernetesClientBuilder().withConfig(config).build()) {
            GenericKubernetesResource test;
            try {
                test = progress.apply(kube, manifest);
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                System.out.println("dlt-local: " + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                        : e.getMessage()) + (e.getCode() == 409 ? " (kubectl delete it first, or rename the LoadTest)" : ""));
                return 1;
            }
            if (!follow) {
                return 0;
            }
            String namespace = RunFollower.namespace(test);
            String name = test.getMetadata().getName();
            var loadTests = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace(namespace);
            Optional<LoadTestView> view = progress.follow(() -> loadTests.withName(name).get(), Duration.ofMinutes(10));
            if (view.isEmpty()) {
                System.out.println("LoadTest " + namespace + "/" + name + " was deleted " + progress.lastSeen() + "; no result.");
                return 0;
            }
            System.out.println();
            System.out.print(ResultTable.format(view.get()));
            System.out.println();
            return outcome(view.get());
        }
    }

    /** Why the local cloud will not run {@code manifest}: a URL that is not loopback. */
    static Optional<String> refusal(Path manifest) throws java.io.IOException {
        List<String> outside = ManifestUrls.in(Files.readString(manifest)).notLoopback();
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("dlt-local: refusing " + manifest.getFileName() + ": the local cloud only sends load to loopback addresses "
                + "(127.0.0.0/8, ::1), and these URLs are not:\n  " + String.join("\n  ", outside)
                + "\nNothing was started. Point the URLs at a server on this machine, e.g. the bundled target http://"
                + TARGET_HOST + ":" + TARGET_PORT + "/");
    }

    private static Map<String, String> workerEnv(Path manifest, Path work, RunFollower progress) throws java.io.IOException {
        if (!LocalBzt.wanted(manifest)) {
            return Map.of();
        }
        Optional<LocalBzt> bzt = LocalBzt.find(System.getenv());
        if (bzt.isEmpty()) {
            System.out.println("dlt-local: " + LocalBzt.MISSING);
            return null;
        }
        progress.say("engine taurus: " + bzt.get().bzt() + (bzt.get().jmeterHome() == null ? "" : " with JMeter " + bzt.get().jmeterHome()));
        return bzt.get().workerEnv(work);
    }

    /** Compares with the bundled target's count when {@code target} is it; then the LoadTest's own outcome. */
    private static int verdict(LoadTestView view, TargetServer target, LocalCloud cloud, String testId) {
        long reported = (long) LoadTestView.number(view.result().get("requests"));
        boolean counted = true;
        if (target != null) {
            long requests = target.counters().requests();
            counted = requests == reported && reported > 0;
            System.out.printf(Locale.ROOT, "target server counted %,d requests; the LoadTest status reports %,d: %s%n",
                    requests, reported, requests == reported ? "they match" : "MISMATCH");
        }
        Map<String, AttributeValue> item = cloud.dynamo().getItem(b -> b.tableName(LocalCloud.TABLE)
                .key(Map.of("testId", AttributeValue.fromS(testId), "sk", AttributeValue.fromS("LATEST")))).item();
        System.out.printf(Locale.ROOT, "DynamoDB %s item LATEST of %s: phase %s, %s requests%n", LocalCloud.TABLE, testId,
                item.containsKey("phase") ? item.get("phase").s() : "(none)", item.containsKey("requests") ? item.get("requests").n() : "-");
        if (!counted) {
            System.out.println("FAILED: the target server's count and the LoadTest's differ");
            return 1;
        }
        return outcome(view);
    }

    private static int outcome(LoadTestView view) {
        Map<String, Object> passed = view.condition("Passed");
        if (!passed.isEmpty() && !"NoThresholds".equals(passed.get("reason"))) {
            System.out.println("verdict on spec.thresholds: " + passed.get("message"));
        }
        boolean ok = "Succeeded".equals(view.phase());
        System.out.println(ok ? "OK" : "FAILED (phase " + view.phase() + "): " + view.message());
        return ok ? 0 : 1;
    }

    /** The process of the cloud that {@code up} keeps running in {@code work}, if it is alive. */
    static Optional<Long> upPid(Path work) throws java.io.IOException {
        Path pidFile = work.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a stale file is reported by the next up
        }
    }

    /** The local cloud with the operator and, when the manifest uses it, the bundled target. */
    record Cloud(LocalCloud cloud, TargetServer target) implements AutoCloseable {

        static Cloud start(Path root, Path work, Map<String, String> workerEnv, boolean withTarget, RunFollower progress) throws Exception {
            Path log = LocalLogging.toFile(work);
            TargetServer target = withTarget ? startTarget(progress) : null;
            try {
                progress.say("starting the local cloud (S3Proxy, DynamoDB Local, Kubernetes API + kubelet) and the operator in " + work);
                progress.say("logs of the API server, kubelet and workers: " + log);
                // the operator starts with the cloud; class-data archives in the work dir make every start after the first faster
                LocalCloud cloud = LocalCloud.start(work, root.resolve("crds"), LocalCloud.StartOptions.DEFAULTS
                        .withArchives(ClassDataArchives.in(work.resolve("cds")))
                        .withOperator(root.resolve("operator/target/quarkus-app/quarkus-run.jar"), Duration.ofMillis(500), workerEnv));
                progress.say("operator started (log: " + cloud.operator().logFile() + ")");
                return new Cloud(cloud, target);
            } catch (Exception e) {
                if (target != null) {
                    target.close();
                }
                throw e;
            }
        }

        private static TargetServer startTarget(RunFollower progress) throws java.io.IOException {
            // a fixed mix, so the numbers can be checked: 70% 5 ms, 20% 20 ms, 10% 80 ms; 1% errors
            TargetConfig mix = TargetConfig.DEFAULT.withLatencyMix(List.of(
                    new TargetConfig.Latency(7, Duration.ofMillis(5)), new TargetConfig.Latency(2, Duration.ofMillis(20)),
                    new TargetConfig.Latency(1, Duration.ofMillis(80)))).withErrorRate(0.01).withBodySize(512);
            try {
                TargetServer target = TargetServer.start(InetAddress.getByName(TARGET_HOST), TARGET_PORT, mix);
                progress.say("target server on " + target.baseUri() + " (latency 70% 5 ms / 20% 20 ms / 10% 80 ms, 1% errors)");
                return target;
            } catch (java.net.BindException taken) {
                throw new IllegalStateException("the bundled target's address " + TARGET_HOST + ":" + TARGET_PORT
                        + " is taken (another ./dlt-local?)", taken);
            }
        }

        @Override
        public void close() {
            if (target != null) {
                target.close();
            }
            cloud.close();
        }
    }
}
