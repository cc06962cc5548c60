package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics of runs ({@code /q/metrics}), in base units and labelled by namespace and
 * LoadTest (one series per test, bounded by the tests that exist): phases entered, runs ended by
 * outcome, the requests, failures and bytes they sent, their duration and their workers' start skew;
 * and, while a test runs, its live numbers ({@code dlt_live_*}). docs/metrics.md lists them.
 */
public class RunMetrics {

    static final String NAMESPACE = "namespace";
    static final String LOADTEST = "loadtest";
    private static final String LIVE = "dlt.live.";
    /** Live series not updated for this long belong to a run that ended unrecorded (its LoadTest deleted): they go. */
    static final Duration ABANDONED = Duration.ofMinutes(30);
    private final MeterRegistry registry;
    private final Map<String, AtomicReference<ProgressStatus>> live = new ConcurrentHashMap<>();

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

    /** The live numbers of a running test, read by Prometheus whenever it scrapes. */
    public void progress(String namespace, String name, ProgressStatus progress) {
        live.computeIfAbsent(namespace + "/" + name, k -> registerLive(namespace, name)).set(progress);
        Instant now = progress.getUpdatedAt() == null ? null : Instant.parse(progress.getUpdatedAt());
        if (now != null) {
            live.forEach((key, ref) -> {
                String updated = ref.get().getUpdatedAt();
                if (updated != null && Instant.parse(updated).plus(ABANDONED).isBefore(now)) {
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
            if (meter.getId().getName().startsWith(LIVE) && name.equals(meter.getId().getTag(LOADTEST))
                    && namespace.equals(meter.getId().getTag(NAMESPACE))) {
                registry.remove(meter);
            }
        }
    }

    private AtomicReference<ProgressStatus> registerLive(String namespace, String name) {
        AtomicReference<ProgressStatus> ref = new AtomicReference<>(new ProgressStatus());
        Tags tags = Tags.of(NAMESPACE, namespace, LOADTEST, name);
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
