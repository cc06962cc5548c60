package dev.dlt.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.dlt.agent.engine.EngineReport;
import dev.dlt.agent.engine.nativehttp.NativeHttpEngine;
import dev.dlt.agent.scenario.HttpRequestSpec;
import dev.dlt.agent.scenario.LoadProfile;
import dev.dlt.agent.scenario.TestPlan;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.dlt.results.record.ResultRecorder;
import org.HdrHistogram.Histogram;

/**
 * Runs {@link NativeHttpEngine} against a URL with the worker agent's own sink (the
 * {@link ResultRecorder} that writes the Taurus report) and measures its rate, CPU use and latency.
 */
final class EngineRunner {

    private EngineRunner() {
    }

    /**
     * Runs the engine for {@code seconds} with {@code connections} users and counts its samples.
     * CPU time is this JVM's, so it is the engine's only when the JVM runs nothing else (the
     * pinned child process).
     */
    static Measurement run(URI url, int connections, int seconds) throws InterruptedException {
        ResultRecorder recorder = new ResultRecorder();
        TestPlan plan = new TestPlan(List.of(new HttpRequestSpec("bench", url, "GET", Map.of(), null)),
                new LoadProfile(connections, Duration.ZERO, Duration.ofSeconds(seconds), Duration.ofSeconds(5)));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        EngineReport report = new NativeHttpEngine().run(plan, recorder::record);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (report.maxConcurrency() != connections) {
            throw new IllegalStateException("only " + report.maxConcurrency() + " users started");
        }
        var status = recorder.snapshot(elapsed);
        var bench = status.status().groups().get("bench");
        Histogram h = status.histograms().get("bench").orElseThrow();
        long requests = h.getTotalCount();
        return new Measurement(requests, requests - bench.succ(), elapsed, cpu, h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getMaxValue(), over100ms(h));
    }

    private static long over100ms(Histogram h) {
        return h.getMaxValue() > 100_000 ? h.getCountBetweenValues(100_001, h.getMaxValue()) : 0;
    }
}
