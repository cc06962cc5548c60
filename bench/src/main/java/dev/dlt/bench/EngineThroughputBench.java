package dev.dlt.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Measures the request rate of the built-in {@code NativeHttpEngine} against a keep-alive HTTP
 * server and, when wrk is on the PATH, compares it with wrk (one thread, same connection count),
 * alternating engine and wrk for several rounds so that background load affects both alike. With
 * taskset and two or more CPUs, the engine's JVM and wrk use the same CPU set and a started server
 * another. Run with {@code --help} for the options.
 */
public final class EngineThroughputBench {

    private EngineThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        if (options.engineOnly()) {
            EngineProcess.serve(options);
            return;
        }
        boolean wrk = WrkRunner.available();
        try (BenchTarget target = BenchTarget.of(options);
             EngineProcess child = options.engineCpus().isEmpty() ? null : new EngineProcess(options, target.uri())) {
            System.out.printf("target: %s (%s)%n", target.uri(), target.description());
            System.out.printf("java %s, %d CPUs, engine and wrk on CPUs: %s; %d connections, %d rounds of %d s"
                            + " (engine warmed up %d s first)%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    options.engineCpus().isEmpty() ? "any (not pinned)" : options.engineCpus(),
                    options.connections(), options.rounds(), options.seconds(), options.warmup());
            if (child == null) {
                EngineRunner.run(target.uri(), options.connections(), options.warmup());
            }
            List<Measurement> engines = new ArrayList<>();
            List<Measurement> wrks = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                Measurement engine = child != null ? child.measure()
                        : EngineRunner.run(target.uri(), options.connections(), options.seconds());
                engines.add(engine);
                String line = "round " + round + ": NativeHttpEngine " + engine.describe();
                if (wrk) {
                    Measurement w = WrkRunner.measure(target.uri(), options.connections(), options.seconds(),
                            options.engineCpus());
                    wrks.add(w);
                    line += String.format("; wrk %s; ratio %.2f", w.describe(),
                            engine.requestsPerSecond() / w.requestsPerSecond());
                }
                System.out.println(line);
            }
            System.out.printf("median NativeHttpEngine: %,.0f req/s, %.1f CPU-us/req%n",
                    median(engines, Measurement::requestsPerSecond), median(engines, Measurement::cpuMicrosPerRequest));
            ResultLine result = new ResultLine("engine").put("connections", options.connections())
                    .put("rounds", options.rounds()).put("seconds", options.seconds())
                    .put("pinned", options.engineCpus().isEmpty() ? "no" : "cpu" + options.engineCpus());
            describe(result, "engine", engines);
            if (!wrk) {
                System.out.println("wrk is not on the PATH, so no comparison (apt-get install wrk)");
                result.print();
                return;
            }
            describe(result, "wrk", wrks);
            System.out.printf("median wrk -t1 -c%d: %,.0f req/s, %.1f CPU-us/req%n", options.connections(),
                    median(wrks, Measurement::requestsPerSecond), median(wrks, Measurement::cpuMicrosPerRequest));
            List<Double> ratios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int i = 0; i < engines.size(); i++) {
                ratios.add(engines.get(i).requestsPerSecond() / wrks.get(i).requestsPerSecond());
                cpuRatios.add(wrks.get(i).cpuMicrosPerRequest() / engines.get(i).cpuMicrosPerRequest());
            }
            System.out.printf("engine/wrk throughput ratio: %.2f (median of rounds); CPU efficiency ratio"
                    + " (wrk CPU-us/req / engine CPU-us/req): %.2f%n", medianOf(ratios), medianOf(cpuRatios));
            result.put("ratio_rps", Stats.of(ratios).token("%.2f")).put("ratio_cpu", Stats.of(cpuRatios).token("%.2f"));
            result.print();
        }
    }

    /** Median/min/max over the rounds of rate, CPU per request and latency (ms), and the samples over 100 ms. */
    private static void describe(ResultLine result, String prefix, List<Measurement> rounds) {
        result.put(prefix + "_rps", stats(rounds, Measurement::requestsPerSecond).token("%.0f"))
                .put(prefix + "_cpu_us", stats(rounds, Measurement::cpuMicrosPerRequest).token("%.1f"))
                .put(prefix + "_p50_ms", stats(rounds, m -> m.p50Micros() / 1000.0).token("%.2f"))
                .put(prefix + "_p99_ms", stats(rounds, m -> m.p99Micros() / 1000.0).token("%.2f"))
                .put(prefix + "_max_ms", stats(rounds, m -> m.maxMicros() / 1000.0).token("%.1f"))
                .put(prefix + "_over100ms", stats(rounds, m -> (double) m.over100ms()).token("%.0f"));
    }

    private static Stats stats(List<Measurement> rounds, ToDoubleFunction<Measurement> metric) {
        return Stats.of(rounds.stream().map(metric::applyAsDouble).toList());
    }

    private static double median(List<Measurement> measurements, ToDoubleFunction<Measurement> metric) {
        return medianOf(measurements.stream().map(metric::applyAsDouble).toList());
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
