package dev.dlt.bench.cloud;

import dev.dlt.localcloud.demo.LocalLogging;
import dev.dlt.bench.ResultLine;
import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A whole run on the local cloud at several worker counts: LoadTest applied → all workers ready
 * (phase Starting) → running → results (a final phase), with the time spent in each phase. Each
 * worker is an in-process agent on its own loopback address, so large counts load this machine,
 * not a cluster. Prints one {@link ResultLine} last.
 */
public final class LocalCloudRunBench {

    private static final String NAMESPACE = "default";

    private LocalCloudRunBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> counts = new ArrayList<>();
        int holdSeconds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workers" -> {
                    for (String n : args[++i].split(",")) {
                        counts.add(Integer.parseInt(n.trim()));
                    }
                }
                case "--hold-seconds" -> holdSeconds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: LocalCloudRunBench [--workers 10,100,300] [--hold-seconds 5]");
            }
        }
        if (counts.isEmpty()) {
            counts = List.of(10, 100, 300);
        }
        Path root = Path.of(System.getProperty("dlt.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("dlt-cloud-bench");
        System.out.println("logs of the local cloud and the operator: " + LocalLogging.toFile(work, java.util.logging.Level.WARNING).getParent());
        ResultLine result = new ResultLine("cloud");
        // 100 ms per request keeps 300 one-user workers at about 3,000 requests/s: the phases, not the load, are measured
        try (LocalCloud cloud = LocalCloud.start(work, root.resolve("crds"));
             TargetServer target = TargetServer.start(TargetConfig.DEFAULT.withLatency(Duration.ofMillis(100)))) {
            cloud.startOperator(root.resolve("operator/target/quarkus-app/quarkus-run.jar"), work, Duration.ofMillis(500));
            for (int workers : counts) {
                String name = "cloud-bench-" + workers;
                PhaseTimeline timeline = run(cloud.kubernetes(), name, target, workers, holdSeconds);
                String phase = finalPhase(cloud.kubernetes(), name);
                if (!"Succeeded".equals(phase)) {
                    System.out.println("  " + name + " ended " + phase + ": " + message(cloud.kubernetes(), name));
                }
                System.out.printf(Locale.ROOT, "%4d workers: ready %.1f s, running %.1f s, results %.1f s (%s); %s%n", workers,
                        timeline.at("Starting"), timeline.at("Running"), finalAt(timeline), phase, timeline.describe());
                String key = "n" + workers;
                result.put(key + "_ready_s", String.format(Locale.ROOT, "%.1f", timeline.at("Starting")))
                        .put(key + "_running_s", String.format(Locale.ROOT, "%.1f", timeline.at("Running")))
                        .put(key + "_results_s", String.format(Locale.ROOT, "%.1f", finalAt(timeline)))
                        .put(key + "_phase", phase)
                        .put(key + "_phases_s", timeline.token());
                delete(cloud.kubernetes(), name);
                // after each count, so that a suite that stops this benchmark early keeps what was measured
                result.put("hold_s", holdSeconds).print();
            }
        }
    }

    private static double finalAt(PhaseTimeline timeline) {
        for (String phase : List.of("Succeeded", "Failed", "Cancelled")) {
            if (!Double.isNaN(timeline.at(phase))) {
                return timeline.at(phase);
            }
        }
        return Double.NaN;
    }

    private static PhaseTimeline run(KubernetesClient kube, String name, TargetServer target, int workers, int holdSeconds)
            throws InterruptedException {
        String yaml = """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: %s}
                spec:
                  scenario:
                    requests:
                      - {label: home, url: "%s"}
                  load: {concurrency: 1, rampUp: 1s, holdFor: %ds}
                  workers:
                    - {backend: eks-fargate, count: %d}
                """.formatted(name, NAMESPACE, target.baseUri(), holdSeconds, workers);
        GenericKubernetesResource resource = kube.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        PhaseTimeline timeline = new PhaseTimeline(System.nanoTime());
        resources(kube).inNamespace(NAMESPACE).resource(resource).create();
        // bounded: the local cloud's deadlines (launch 60 s, reach 30 s, collect 30 s) end every run well before
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            GenericKubernetesResource current = resources(kube).inNamespace(NAMESPACE).withName(name).get();
            if (current != null) {
                LoadTestView view = new LoadTestView(current);
                timeline.saw(view.phase(), System.nanoTime());
                if (view.terminal()) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return timeline;
    }

    private static String finalPhase(KubernetesClient kube, String name) {
        GenericKubernetesResource current = resources(kube).inNamespace(NAMESPACE).withName(name).get();
        if (current == null) {
            return "missing";
        }
        LoadTestView view = new LoadTestView(current);
        return view.terminal() ? view.phase() : "not-finished-" + view.phase();
    }

    private static String message(KubernetesClient kube, String name) {
        GenericKubernetesResource current = resources(kube).inNamespace(NAMESPACE).withName(name).get();
        return current == null ? "(gone)" : String.valueOf(new LoadTestView(current).message());
    }

    private static void delete(KubernetesClient kube, String name) {
        resources(kube).inNamespace(NAMESPACE).withName(name).delete();
    }

    private static io.fabric8.kubernetes.client.dsl.MixedOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> resources(KubernetesClient kube) {
        return kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest");
    }
}
