package dev.dlt.bench.operator;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's memory with many LoadTests: {@code loadTests} short tests run to the end in waves
 * (so they are present with status, results and history), then {@code running} longer ones are
 * started and RSS is read while they run.
 */
record LoadedFootprint(int loadTests, int running, double rssMib, double peakRssMib, Map<String, Integer> phases) {

    private static final int WAVE = 20;
    private static final String NAMESPACE = "default";

    static LoadedFootprint measure(LocalCloud cloud, TargetServer target, Path jar, JvmVariant variant,
                                   Map<String, String> config, Path log, int loadTests, int running) throws Exception {
        KubernetesClient kube = cloud.kubernetes();
        try (OperatorLaunch operator = OperatorLaunch.start(jar, variant.options(), config, log)) {
            operator.awaitReady(Duration.ofSeconds(60));
            for (int first = 0; first < loadTests; first += WAVE) {
                List<String> wave = new ArrayList<>();
                for (int i = first; i < Math.min(loadTests, first + WAVE); i++) {
                    String name = String.format(Locale.ROOT, "footprint-%03d", i);
                    apply(kube, manifest(name, target, 1, "2s"));
                    wave.add(name);
                }
                List<String> late = awaitAll(kube, wave, v -> v.terminal(), Duration.ofMinutes(2));
                if (!late.isEmpty()) {
                    System.out.println("not finished within 2 min (measured anyway): " + late);
                }
            }
            List<String> active = new ArrayList<>();
            for (int i = 0; i < running; i++) {
                String name = String.format(Locale.ROOT, "footprint-running-%d", i);
                apply(kube, manifest(name, target, 2, "5m"));
                active.add(name);
            }
            List<String> late = awaitAll(kube, active, v -> "Running".equals(v.phase()), Duration.ofMinutes(2));
            if (!late.isEmpty()) {
                System.out.println("not running within 2 min (measured anyway): " + late);
            }
            Thread.sleep(5000);
            double rss = operator.rssMib();
            double peak = operator.peakRssMib();
            Map<String, Integer> phases = new TreeMap<>();
            for (GenericKubernetesResource r : kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest")
                    .inNamespace(NAMESPACE).list().getItems()) {
                phases.merge(String.valueOf(new LoadTestView(r).phase()), 1, Integer::sum);
            }
            for (String name : active) {
                kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace(NAMESPACE).withName(name).delete();
            }
            return new LoadedFootprint(loadTests, running, rss, peak, phases);
        }
    }

    String describe(String variant) {
        return String.format(Locale.ROOT, "%s with %d LoadTests run to the end and %d running (phases %s): RSS %.1f MiB, peak %.1f MiB",
                variant, loadTests, running, phases, rssMib, peakRssMib);
    }

    private static String manifest(String name, TargetServer target, int workers, String holdFor) {
        return """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: %s}
                spec:
                  scenario:
                    requests:
                      - {label: home, url: "%s"}
                  load: {concurrency: 2, rampUp: 1s, holdFor: %s}
                  workers:
                    - {backend: eks-fargate, count: %d}
                """.formatted(name, NAMESPACE, target.baseUri(), holdFor, workers);
    }

    private static void apply(KubernetesClient kube, String yaml) {
        GenericKubernetesResource resource = kube.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        kube.genericKubernetesResources(resource.getApiVersion(), resource.getKind()).inNamespace(NAMESPACE).resource(resource).create();
    }

    /** Waits until every named LoadTest satisfies {@code done}; returns those that did not by the timeout. */
    private static List<String> awaitAll(KubernetesClient kube, List<String> names, java.util.function.Predicate<LoadTestView> done,
                                 Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left = new ArrayList<>(names);
        while (!left.isEmpty()) {
            left.removeIf(name -> {
                GenericKubernetesResource r = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest")
                        .inNamespace(NAMESPACE).withName(name).get();
                return r != null && done.test(new LoadTestView(r));
            });
            if (System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(500);
        }
        return left;
    }
}
