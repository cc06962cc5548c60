package dev.dlt.bench.operator;

import dev.dlt.bench.cloud.LoadTestClient;
import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetServer;
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
 * started and RSS is read while they run, {@code settle} after the last one was seen running.
 */
record LoadedFootprint(int loadTests, int running, double rssMib, double peakRssMib, Map<String, Integer> phases) {

    private static final int WAVE = 20;

    static LoadedFootprint measure(LocalCloud cloud, TargetServer target, Path jar, JvmVariant variant,
                                   Map<String, String> config, Path log, String prefix, int loadTests, int running, Duration settle) throws Exception {
        LoadTestClient tests = new LoadTestClient(cloud.kubernetes());
        try (OperatorLaunch operator = OperatorLaunch.start(jar, variant.options(), config, log)) {
            operator.awaitReady(Duration.ofSeconds(60));
            for (int first = 0; first < loadTests; first += WAVE) {
                List<String> wave = new ArrayList<>();
                for (int i = first; i < Math.min(loadTests, first + WAVE); i++) {
                    String name = String.format(Locale.ROOT, "%s-%03d", prefix, i);
                    tests.apply(LoadTestClient.manifest(name, target.baseUri(), 2, "2s", 1));
                    wave.add(name);
                }
                List<String> late = awaitAll(tests, wave, v -> v.terminal(), Duration.ofMinutes(2));
                if (!late.isEmpty()) {
                    System.out.println("not finished within 2 min (measured anyway): " + late);
                }
            }
            List<String> active = new ArrayList<>();
            for (int i = 0; i < running; i++) {
                String name = String.format(Locale.ROOT, "%s-running-%d", prefix, i);
                tests.apply(LoadTestClient.manifest(name, target.baseUri(), 2, "5m", 2));
                active.add(name);
            }
            List<String> late = awaitAll(tests, active, v -> "Running".equals(v.phase()), Duration.ofMinutes(2));
            if (!late.isEmpty()) {
                System.out.println("not running within 2 min (measured anyway): " + late);
            }
            Thread.sleep(settle.toMillis());
            double rss = operator.rssMib();
            double peak = operator.peakRssMib();
            Map<String, Integer> phases = new TreeMap<>();
            for (LoadTestView view : tests.all()) {
                phases.merge(String.valueOf(view.phase()), 1, Integer::sum);
            }
            for (String name : active) {
                tests.delete(name);
            }
            return new LoadedFootprint(loadTests, running, rss, peak, phases);
        }
    }

    String describe(String variant) {
        return String.format(Locale.ROOT, "%s with %d LoadTests run to the end and %d running (phases %s): RSS %.1f MiB, peak %.1f MiB",
                variant, loadTests, running, phases, rssMib, peakRssMib);
    }

    /** Waits until every named LoadTest satisfies {@code done}; returns those that did not by the timeout. */
    private static List<String> awaitAll(LoadTestClient tests, List<String> names, java.util.function.Predicate<LoadTestView> done,
                                         Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left = new ArrayList<>(names);
        while (!left.isEmpty()) {
            left.removeIf(name -> {
                LoadTestView view = tests.get(name);
                return view != null && done.test(view);
            });
            if (System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(500);
        }
        return left;
    }
}
