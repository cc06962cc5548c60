package dev.dlt.bench.cloud;

import dev.dlt.localcloud.demo.LocalLogging;
import dev.dlt.bench.ResultLine;
import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
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
            LoadTestClient tests = new LoadTestClient(cloud.kubernetes());
            for (int workers : counts) {
                String name = "cloud-bench-" + workers;
                PhaseTimeline timeline = run(tests, name, target, workers, holdSeconds);
                String phase = finalPhase(tests.get(name));
                if (!"Succeeded".equals(phase)) {
                    LoadTestView ended = tests.get(name);
                    System.out.println("  " + name + " ended " + phase + ": " + (ended == null ? "(gone)" : String.valueOf(ended.message())));
                }
                System.out.printf(Locale.ROOT, "%4d workers: ready %.1f s, running %.1f s, results %.1f s (%s); %s%n", workers,
                        timeline.at("Starting"), timeline.at("Running"), finalAt(timeline), phase, timeline.describe());
                String key = "n" + workers;
                result.put(key + "_ready_s", String.format(Locale.ROOT, "%.1f", timeline.at("Starting")))
                        .put(key + "_running_s", String.format(Locale.ROOT, "%.1f", timeline.at("Running")))
                        .put(key + "_results_s", String.format(Locale.ROOT, "%.1f", finalAt(timeline)))
                        .put(key + "_phase", phase)
                        .put(key + "_phases_s", timeline.token());
                tests.delete(name);
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

    private static PhaseTimeline run(LoadTestClient tests, String name, TargetServer target, int workers, int holdSeconds)
            throws InterruptedException {
        String yaml = LoadTestClient.manifest(name, target.baseUri(), 1, holdSeconds + "s", workers);
        PhaseTimeline timeline = new PhaseTimeline(System.nanoTime());
        tests.apply(yaml);
        // bounded: the local cloud's deadlines (launch 60 s, reach 30 s, collect 30 s) end every run well before
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            LoadTestView view = tests.get(name);
            if (view != null) {
                timeline.saw(view.phase(), System.nanoTime());
                if (view.terminal()) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return timeline;
    }

    private static String finalPhase(LoadTestView view) {
        if (view == null) {
            return "missing";
        }
        return view.terminal() ? view.phase() : "not-finished-" + view.phase();
    }
}
