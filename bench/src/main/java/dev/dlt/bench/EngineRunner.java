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
import java.util.concurrent.atomic.LongAdder;

/** Runs {@link NativeHttpEngine} against a URL with a counting sink and measures its rate and CPU use. */
final class EngineRunner {

    private EngineRunner() {
    }

    /**
     * Runs the engine for {@code seconds} with {@code connections} users and counts its samples.
     * CPU time is this JVM's, so it is the engine's only when the JVM runs nothing else (the
     * pinned child process).
     */
    static Measurement run(URI url, int connections, int seconds) throws InterruptedException {
        LongAdder requests = new LongAdder();
        LongAdder failures = new LongAdder();
        TestPlan plan = new TestPlan(List.of(new HttpRequestSpec("bench", url, "GET", Map.of(), null)),
                new LoadProfile(connections, Duration.ZERO, Duration.ofSeconds(seconds), Duration.ofSeconds(5)));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        EngineReport report = new NativeHttpEngine().run(plan, (label, rt, latency, connect, bytes, code, ok) -> {
            requests.increment();
            if (!ok) {
                failures.increment();
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (report.maxConcurrency() != connections) {
            throw new IllegalStateException("only " + report.maxConcurrency() + " users started");
        }
        return new Measurement(requests.sum(), failures.sum(), elapsed, cpu);
    }
}
