package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * Prometheus metrics of runs ({@code /q/metrics}), in base units and labelled by namespace and
 * LoadTest (one series per test, bounded by the tests that exist): phases entered, runs ended by
 * outcome, the requests, failures and bytes they sent, their duration and their workers' start skew.
 * docs/metrics.md lists them.
 */
public class RunMetrics {

    static final String NAMESPACE = "namespace";
    static final String LOADTEST = "loadtest";
    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run moved into {@code phase}: counted while it is still running, not only once it ended. */
    public void phaseEntered(LoadTest test, String phase) {
        Counter.builder("dlt.run.phases").description("Phases entered by runs, counted as they are entered")
                .tags(NAMESPACE, test.getMetadata().getNamespace(), LOADTEST, test.getMetadata().getName(), "phase", phase)
                .register(registry).increment();
    }

    public void runEnded(LoadTest test, LoadTestStatus status) {
        String namespace = test.getMetadata().getNamespace();
        String name = test.getMetadata().getName();
        Counter.builder("dlt.runs").description("Finished load test runs, by final phase")
                .tags(NAMESPACE, namespace, LOADTEST, name, "phase", status.getPhase().name())
                .register(registry).increment();
        ResultStatus result = status.getResult();
        if (result != null && result.getRequests() != null && result.getFailures() != null) {
            Counter.builder("dlt.run.requests").description("Requests sent by finished runs").tags(NAMESPACE, namespace, LOADTEST, name)
                    .register(registry).increment(result.getRequests());
            Counter.builder("dlt.run.failures").description("Failed requests of finished runs").tags(NAMESPACE, namespace, LOADTEST, name)
                    .register(registry).increment(result.getFailures());
            if (result.getBytes() != null) {
                Counter.builder("dlt.run.received").baseUnit("bytes").description("Response bytes received by finished runs")
                        .tags(NAMESPACE, namespace, LOADTEST, name).register(registry).increment(result.getBytes());
            }
        }
        RunStatus run = status.getRun();
        if (run.getStartSkewMs() != null) {
            Timer.builder("dlt.run.start.skew").description("Spread of the workers' actual start times")
                    .tags(NAMESPACE, namespace, LOADTEST, name).register(registry).record(Duration.ofMillis(run.getStartSkewMs()));
        }
        if (run.getCreatedAt() != null && run.getFinishedAt() != null) {
            Duration took = Duration.between(Instant.parse(run.getCreatedAt()), Instant.parse(run.getFinishedAt()));
            if (!took.isNegative()) {
                Timer.builder("dlt.run.duration").description("Runs from their creation to their workers' end")
                        .tags(NAMESPACE, namespace, LOADTEST, name).register(registry).record(took);
            }
        }
    }
}
