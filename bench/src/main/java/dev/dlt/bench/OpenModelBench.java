package dev.dlt.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.dlt.agent.engine.nativehttp.NativeHttpEngine;
import dev.dlt.agent.scenario.HttpRequestSpec;
import dev.dlt.agent.scenario.LoadProfile;
import dev.dlt.agent.scenario.TestPlan;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.scenario.ArrivalRate;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The open model at a fixed rate: how close the built-in engine's achieved rate is to the requested
 * one, its CPU per request, and how late its scheduler sends (p99 from the intended send minus p99
 * from the actual send), next to a wrk2-style reference: wrk (one thread) whose Lua {@code delay}
 * hook paces each connection at {@code connections / rate}, the nearest plain wrk gets to a fixed
 * rate (a pacer that waits after each response, so it runs slow by the response time). Rounds
 * alternate engine and wrk. Options: {@code --rate 2000 --seconds 10 --rounds 3 --max-concurrency 100
 * --connections 20}, and those of {@link BenchOptions} for the target ({@code --nginx --server-cpus 0}).
 */
public final class OpenModelBench {

    private OpenModelBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 2000;
        int maxConcurrency = 100;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--max-concurrency" -> maxConcurrency = Integer.parseInt(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        BenchOptions options = BenchOptions.parse(rest.toArray(String[]::new));
        int connections = options.connections();
        try (BenchTarget target = BenchTarget.of(options)) {
            System.out.printf("target: %s (%s); %d req/s for %d s, %d rounds; engine maxConcurrency %d, wrk -t1 -c%d paced%n",
                    target.uri(), target.description(), rate, options.seconds(), options.rounds(), maxConcurrency, connections);
            engineRound(target.uri(), rate, options.warmup(), maxConcurrency); // JIT warm-up, not counted
            List<Double> engineRate = new ArrayList<>();
            List<Double> engineCpu = new ArrayList<>();
            List<Double> lateness = new ArrayList<>();
            List<Double> wrkRate = new ArrayList<>();
            List<Double> wrkCpu = new ArrayList<>();
            boolean wrk = WrkRunner.available();
            // each connection sends one request every connections / rate seconds, wrk's delay hook in whole ms
            long delayMs = Math.max(1, Math.round(connections * 1000.0 / rate));
            String pacing = "delay = function() return " + delayMs + " end\n";
            for (int round = 1; round <= options.rounds(); round++) {
                double[] e = engineRound(target.uri(), rate, options.seconds(), maxConcurrency);
                engineRate.add(e[0] / rate);
                engineCpu.add(e[1]);
                lateness.add(e[2]);
                String line = String.format("round %d: engine %.1f req/s (%.3f of requested), %.1f CPU-us/req, %d dropped, "
                        + "p99 intended %.2f ms vs service %.2f ms", round, e[0], e[0] / rate, e[1], (long) e[3], e[4], e[5]);
                if (wrk) {
                    Measurement w = WrkRunner.measure(target.uri(), connections, options.seconds(), options.engineCpus(), pacing);
                    double paced = connections * 1000.0 / delayMs;
                    wrkRate.add(w.requestsPerSecond() / paced);
                    wrkCpu.add(w.cpuMicrosPerRequest());
                    line += String.format("; wrk paced at %.0f req/s: %.1f req/s (%.3f), %.1f CPU-us/req", paced, w.requestsPerSecond(),
                            w.requestsPerSecond() / paced, w.cpuMicrosPerRequest());
                }
                System.out.println(line);
            }
            ResultLine result = new ResultLine("openmodel").put("rate", rate).put("seconds", options.seconds())
                    .put("rounds", options.rounds()).put("engine_rate_ratio", Stats.of(engineRate).token("%.4f"))
                    .put("engine_cpu_us", Stats.of(engineCpu).token("%.1f")).put("engine_late_p99_ms", Stats.of(lateness).token("%.2f"));
            if (wrk) {
                result.put("wrk_rate_ratio", Stats.of(wrkRate).token("%.4f")).put("wrk_cpu_us", Stats.of(wrkCpu).token("%.1f"));
            } else {
                System.out.println("wrk is not on the PATH, so no reference (apt-get install wrk)");
            }
            result.print();
        }
    }

    /** One run: achieved req/s (between the first and the last actual send), CPU-us per request, p99 lateness (ms), dropped, p99 intended and service (ms). */
    private static double[] engineRound(URI url, int rate, int seconds, int maxConcurrency) throws InterruptedException {
        Histogram intended = LatencyHistograms.newHistogram();
        Histogram service = LatencyHistograms.newHistogram();
        long[] sends = {Long.MAX_VALUE, Long.MIN_VALUE}; // first and last actual send, measured outside the engine
        ArrivalRate arrival = new ArrivalRate(rate, List.of(new ArrivalRate.Stage(Duration.ofSeconds(seconds), rate)), maxConcurrency);
        TestPlan plan = new TestPlan(List.of(new HttpRequestSpec("bench", url, "GET", Map.of(), null)),
                new LoadProfile(1, Duration.ZERO, Duration.ofSeconds(seconds), Duration.ofSeconds(5)), arrival);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        NativeHttpEngine.OpenRun run = new NativeHttpEngine().runOpen(plan, (label, fromIntended, intendedLatency, fromSend, latency,
                                                                              connect, bytes, code, ok) -> {
            long sentAt = System.nanoTime() - fromSend * 1_000;
            synchronized (intended) {
                sends[0] = Math.min(sends[0], sentAt);
                sends[1] = Math.max(sends[1], sentAt);
                intended.recordValue(LatencyHistograms.clamp(fromIntended));
                service.recordValue(LatencyHistograms.clamp(fromSend));
            }
        });
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e3 / Math.max(1, run.open().sent());
        double p99Intended = intended.getValueAtPercentile(99) / 1000.0;
        double p99Service = service.getValueAtPercentile(99) / 1000.0;
        // n sends span n - 1 intervals
        double achieved = (run.open().sent() - 1) / ((sends[1] - sends[0]) / 1e9);
        return new double[] {achieved, cpu, p99Intended - p99Service, run.open().dropped(), p99Intended, p99Service};
    }
}
