package dev.dlt.operator.run;

import dev.dlt.operator.api.ResultStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus metrics of finished runs ({@code /q/metrics}): runs by namespace and outcome, the
 * requests and failures they sent, and the start skew between their workers.
 */
public class RunMetrics {

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void runEnded(String namespace, String phase, ResultStatus result, Long startSkewMs) {
        Counter.builder("dlt.runs").description("Finished load test runs").tag("namespace", namespace).tag("phase", phase)
                .register(registry).increment();
        if (result != null) {
            Counter.builder("dlt.run.requests").description("Requests sent by finished runs").tag("namespace", namespace)
                    .register(registry).increment(result.getRequests());
            Counter.builder("dlt.run.failures").description("Failed requests of finished runs").tag("namespace", namespace)
                    .register(registry).increment(result.getFailures());
        }
        if (startSkewMs != null) {
            DistributionSummary.builder("dlt.run.start.skew").description("Spread of the workers' actual start times")
                    .baseUnit("milliseconds").register(registry).record(startSkewMs);
        }
    }
}
