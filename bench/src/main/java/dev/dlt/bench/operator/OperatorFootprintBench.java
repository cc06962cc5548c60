package dev.dlt.bench.operator;

import dev.dlt.localcloud.demo.LocalLogging;
import dev.dlt.bench.ResultLine;
import dev.dlt.bench.Stats;
import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Operator footprint on the local cloud (mock Kubernetes API, S3Proxy, DynamoDB Local): start →
 * ready and idle RSS of the packaged operator under the chart's JVM options before and after
 * tuning, with an AppCDS archive (and with --aot a JDK AOT cache, on JDK 25+), rounds interleaved; then RSS with 100 LoadTests
 * present and a handful running. Prints one {@link ResultLine} last.
 */
public final class OperatorFootprintBench {

    private OperatorFootprintBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int idleSeconds = Integer.parseInt(options.getOrDefault("idle-seconds", "10"));
        int loadTests = Integer.parseInt(options.getOrDefault("loadtests", "100"));
        int running = Integer.parseInt(options.getOrDefault("running", "5"));
        Path root = Path.of(System.getProperty("dlt.root", ".")).toAbsolutePath().normalize();
        Path jar = root.resolve("operator/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build it with mvn -o -pl operator -am package -DskipTests");
        }
        Path work = Files.createTempDirectory("dlt-footprint");
        System.out.println("logs of the local cloud and of each operator start: " + LocalLogging.toFile(work, java.util.logging.Level.WARNING).getParent());
        try (LocalCloud cloud = LocalCloud.start(work, root.resolve("crds"));
             TargetServer target = TargetServer.start(TargetConfig.DEFAULT.withLatency(Duration.ofMillis(5)))) {
            Map<String, String> config = cloud.operatorConfig(Duration.ofSeconds(1));
            List<JvmVariant> variants = new ArrayList<>(List.of(JvmVariant.CHART_BEFORE, JvmVariant.TUNED));
            // class data sharing archives made by a training start against this cloud, as Dockerfile.jvm does
            Path appCds = work.resolve("app-cds.jsa");
            train(jar, JvmVariant.TUNED.with("train-appcds", "-XX:ArchiveClassesAtExit=" + appCds), config, work);
            if (Files.isRegularFile(appCds)) {
                variants.add(JvmVariant.TUNED.with("tuned+appcds", "-XX:SharedArchiveFile=" + appCds));
            }
            if (Runtime.version().feature() >= 25 && options.containsKey("aot")) {
                Path cache = work.resolve("operator.aot");
                train(jar, JvmVariant.TUNED.with("train-aot", "-XX:AOTCacheOutput=" + cache), config, work);
                if (Files.isRegularFile(cache)) {
                    variants.add(JvmVariant.TUNED.with("tuned+aot", "-XX:AOTCache=" + cache));
                }
            }
            if (options.containsKey("variants")) {
                List<String> wanted = List.of(options.get("variants").split(","));
                variants.removeIf(v -> !wanted.contains(v.name()));
            }
            if (options.containsKey("jvm-extra")) {
                String extra = options.get("jvm-extra");
                variants.replaceAll(v -> v.with(v.name(), extra.trim().split("\\s+")));
            }
            Map<String, List<Long>> ready = new LinkedHashMap<>();
            Map<String, List<Double>> rss = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (JvmVariant variant : variants) {
                    try (OperatorLaunch operator = OperatorLaunch.start(jar, variant.options(), config,
                            work.resolve("operator-" + variant.name() + "-" + round + ".log"))) {
                        long ms = operator.awaitReady(Duration.ofSeconds(60));
                        Thread.sleep(idleSeconds * 1000L);
                        double mib = operator.rssMib();
                        if (options.containsKey("nmt")) {
                            System.out.println(operator.nativeMemorySummary());
                        }
                        ready.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(ms);
                        rss.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(mib);
                        System.out.printf(Locale.ROOT, "round %d %-12s start->ready %5d ms, idle RSS %6.1f MiB after %d s, %d threads%n",
                                round, variant.name(), ms, mib, idleSeconds, operator.threads());
                    }
                }
            }
            ResultLine result = new ResultLine("operator");
            for (JvmVariant variant : variants) {
                String key = variant.name().replace('+', '_').replace('-', '_');
                result.put("ready_ms_" + key, Stats.of(ready.get(variant.name())).token("%.0f"));
                result.put("rss_idle_mib_" + key, Stats.of(rss.get(variant.name())).token("%.0f"));
            }
            JvmVariant loaded = variants.get(variants.size() - 1);
            // idle again after one run: by then the AWS SDK (not built before the first LoadTest) and the run's classes are loaded
            LoadedFootprint afterRun = LoadedFootprint.measure(cloud, target, jar, loaded, config,
                    work.resolve("operator-after-run.log"), "first-run", 1, 0, Duration.ofSeconds(idleSeconds));
            System.out.println(afterRun.describe(loaded.name()) + ", " + idleSeconds + " s after the run ended");
            result.put("rss_after_run_mib", String.format(Locale.ROOT, "%.0f", afterRun.rssMib()));
            LoadedFootprint footprint = LoadedFootprint.measure(cloud, target, jar, loaded, config,
                    work.resolve("operator-loaded.log"), "footprint", loadTests, running, Duration.ofSeconds(5));
            System.out.println(footprint.describe(loaded.name()));
            result.put("loaded_variant", loaded.name()).put("loadtests", footprint.loadTests())
                    .put("running", footprint.running()).put("rss_loaded_mib", String.format(Locale.ROOT, "%.0f", footprint.rssMib()))
                    .put("peak_rss_loaded_mib", String.format(Locale.ROOT, "%.0f", footprint.peakRssMib()));
            result.print();
        }
    }

    /** A training start: ready, a few seconds of work, a clean exit, which writes the AOT cache. */
    private static void train(Path jar, JvmVariant variant, Map<String, String> config, Path work) throws Exception {
        long start = System.nanoTime();
        try (OperatorLaunch operator = OperatorLaunch.start(jar, variant.options(), config,
                work.resolve("operator-" + variant.name() + ".log"))) {
            operator.awaitReady(Duration.ofSeconds(90));
            Thread.sleep(3000);
        }
        System.out.printf("%s: training start and archive written in %.1f s%n", variant.name(), (System.nanoTime() - start) / 1e9);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("usage: OperatorFootprintBench [--rounds 3] [--idle-seconds 10]"
                        + " [--loadtests 100] [--running 5] [--aot]"
                        + " [--variants chart-before,tuned,tuned+appcds,tuned+aot] [--jvm-extra '-XX:...'] [--nmt]");
            }
            String key = args[i].substring(2);
            boolean flag = key.equals("aot") || key.equals("nmt");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }
}
