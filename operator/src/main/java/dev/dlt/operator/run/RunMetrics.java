package dev.dlt.operator.run;

import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.ProgressStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus metrics of finished runs ({@code /q/metrics}): runs by namespace and outcome, the
 * requests and failures they sent, and the start skew between their workers; and, while a test
 * runs, its live numbers ({@code dlt_live_*}, labelled namespace and loadtest).
 */
public class RunMetrics {

    private static final String LIVE = "dlt.live.";
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<ProgressStatus>> live = new ConcurrentHashMap<>();
    /** Live series not updated for this long belong to a run that ended unrecorded (its LoadTest deleted): they go. */
    static final java.time.Duration ABANDONED = java.time.Duration.ofMinutes(30);

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

    /** The live numbers of a running test, read by Prometheus whenever it scrapes. */
    public void progress(String namespace, String name, ProgressStatus progress) {
        live.computeIfAbsent(namespace + "/" + name, k -> registerLive(namespace, name)).set(progress);
        java.time.Instant now = progress.getUpdatedAt() == null ? null : java.time.Instant.parse(progress.getUpdatedAt());
        if (now != null) {
            live.forEach((key, ref) -> {
                String updated = ref.get().getUpdatedAt();
                if (updated != null && java.time.Instant.parse(updated).plus(ABANDONED).isBefore(now)) {
                    int slash = key.indexOf('/');
                    progressEnded(key.substring(0, slash), key.substring(slash + 1));
                }
            });
        }
    }

    /** The test's run ended: its live series go (the run's totals are in {@code dlt_run_*}). */
    public void progressEnded(String namespace, String name) {
        if (live.remove(namespace + "/" + name) == null) {
            return;
        }
        for (Meter meter : registry.getMeters()) {
            if (meter.getId().getName().startsWith(LIVE) && name.equals(meter.getId().getTag("loadtest"))
                    && namespace.equals(meter.getId().getTag("namespace"))) {
                registry.remove(meter);
            }
        }
    }

    private AtomicReference<ProgressStatus> registerLive(String namespace, String name) {
        AtomicReference<ProgressStatus> ref = new AtomicReference<>(new ProgressStatus());
        Tags tags = Tags.of("namespace", namespace, "loadtest", name);
        FunctionCounter.builder(LIVE + "requests", ref, r -> number(r.get().getRequests())).tags(tags)
                .description("Requests sent so far by the running test's workers").register(registry);
        FunctionCounter.builder(LIVE + "failures", ref, r -> number(r.get().getFailures())).tags(tags)
                .description("Failed requests so far").register(registry);
        gauge(LIVE + "requests.per.second", ref, p -> number(p.getRps()), null, tags, "Request rate over the last window");
        gauge(LIVE + "error.ratio", ref, p -> number(p.getErrorRate()) / 100, null, tags, "Failed requests / requests over the last window");
        gauge(LIVE + "response.time.p95", ref, p -> number(p.getP95Ms()) / 1000, "seconds", tags,
                "95th percentile response time over the last window, all workers merged");
        gauge(LIVE + "elapsed", ref, p -> number(p.getElapsedSeconds()), "seconds", tags, "Time since the run's start instant");
        gauge(LIVE + "remaining", ref, p -> number(p.getRemainingSeconds()), "seconds", tags, "Planned load time left");
        gauge(LIVE + "users", ref, p -> number(p.getUsers()), null, tags, "Active virtual users");
        gauge(LIVE + "workers.expected", ref, p -> number(p.getWorkersExpected()), null, tags, "Workers launched");
        gauge(LIVE + "workers.reporting", ref, p -> number(p.getWorkersReporting()), null, tags, "Workers whose live records arrive");
        gauge(LIVE + "workers.stale", ref, p -> number(p.getWorkersStale()), null, tags, "Running workers whose live records stopped");
        return ref;
    }

    private void gauge(String name, AtomicReference<ProgressStatus> ref, ToDoubleFunction<ProgressStatus> value, String unit, Tags tags,
                       String description) {
        Gauge.builder(name, ref, r -> value.applyAsDouble(r.get())).tags(tags).baseUnit(unit).description(description).register(registry);
    }

    private static double number(Number n) {
        return n == null ? 0 : n.doubleValue();
    }
}
