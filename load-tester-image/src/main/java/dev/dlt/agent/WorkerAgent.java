package dev.dlt.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.engine.EngineInput;
import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.agent.engine.LiveCounters;
import dev.dlt.agent.engine.WorkerEngine;
import dev.dlt.agent.engine.WorkerEngines;
import dev.dlt.agent.gate.StartClock;
import dev.dlt.agent.gate.StartGate;
import dev.dlt.agent.gate.StartSignal;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.layout.WorkerReportFile;
import dev.dlt.results.live.LiveRollup;
import dev.dlt.results.scenario.SealedRequestValues;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A worker: reads its scenario and prepares its engine, opens the start gate, waits for the leader's
 * signal, generates load from the signalled instant, and uploads its Taurus report, histograms, logs
 * and own report to S3.
 */
final class WorkerAgent implements Agent {

    static final int EXIT_NO_START_SIGNAL = 3;
    /** Some result files could not be stored by the upload deadline; they are still in the work dir. */
    static final int EXIT_NOT_STORED = 4;
    /** Uploaded logs are cut to their last 16 MiB. */
    static final long MAX_LOG_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(WorkerAgent.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentConfig config;
    private final Function<AgentConfig, ResultStore> stores;
    private final UploadRetry retry;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;
    private volatile StartGate gate;
    private volatile WorkerEngine engine;
    private volatile WorkDir workDir;

    WorkerAgent(AgentConfig config) {
        this(config, ResultStore::fromConfig, UploadRetry.standard());
    }

    WorkerAgent(AgentConfig config, Function<AgentConfig, ResultStore> stores, UploadRetry retry) {
        this.config = config;
        this.stores = stores;
        this.retry = retry;
    }

    @Override
    public int run() {
        ResultKeys keys = config.keys();
        String workerId;
        try {
            workerId = WorkerIdentity.resolve(config);
            workDir = WorkDir.create(workerId);
        } catch (IllegalArgumentException e) {
            LOG.severe("invalid configuration: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            LOG.severe("cannot create a work dir: " + e.getMessage());
            return 1;
        }
        try (ResultStore store = stores.apply(config)) {
            Outcome outcome;
            try {
                outcome = runLoad(store, keys, workerId);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "worker " + workerId + " failed", e);
                outcome = new Outcome(WorkerReport.FAILED, e.getMessage(), null, 0, 0, null, 1);
            } catch (InterruptedException e) {
                outcome = new Outcome(WorkerReport.STOPPED, "interrupted", null, 0, 0, null, 1);
            } finally {
                StartGate g = gate;
                if (g != null) {
                    g.close();
                }
            }
            Thread.interrupted(); // an interrupt ended the run; it must not cut the upload short
            if (!upload(store, keys, workerId, outcome)) {
                return EXIT_NOT_STORED;
            }
            workDir.delete();
            return outcome.exitCode();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "worker " + workerId + " could not keep its results; work dir " + workDir.path() + " kept", e);
            return 1;
        }
    }

    /** The work dir, where result files stay when they could not be stored. */
    Path workDir() {
        return workDir.path();
    }

    private Outcome runLoad(ResultStore store, ResultKeys keys, String workerId) throws IOException, InterruptedException {
        String scenarioKey = config.optional(AgentConfig.SCENARIO_KEY).orElse(keys.scenario());
        // values from Kubernetes Secrets travel sealed under the run secret; both engines read them opened
        byte[] json = SealedRequestValues.open(store.get(scenarioKey), config.runSecret());
        String folder = scenarioKey.substring(0, scenarioKey.lastIndexOf('/') + 1);
        engine = WorkerEngines.forName(config.engine(), config.env());
        engine.prepare(new EngineInput(TaurusConfig.fromJson(json), json,
                (name, target) -> Files.write(target, store.get(folder + name)), workDir.path()));
        gate = new StartGate(keys.testId(), keys.runId(), workerId, config.runSecret(), clock);
        InetSocketAddress listening = gate.open(new InetSocketAddress(config.bindAddress(), config.startPort()));
        var deadline = config.seconds(AgentConfig.START_DEADLINE, 600);
        LOG.info(() -> "worker " + workerId + " (" + engine.name() + ") listening on " + listening + ", waiting up to "
                + deadline + " for the leader");
        Optional<StartSignal> signal = stopping ? Optional.empty() : gate.awaitSignal(deadline);
        if (signal.isEmpty()) {
            String why = stopping ? "stopped before the start signal" : "no valid start signal within " + deadline + "; no load generated";
            LOG.warning(why);
            return new Outcome(stopping ? WorkerReport.STOPPED : WorkerReport.NO_START_SIGNAL, why, null, 0, 0, null,
                    stopping ? 1 : EXIT_NO_START_SIGNAL);
        }
        StartSignal start = signal.get();
        StartClock.sleepUntil(clock, start.startAtMs());
        long startedAt = clock.millis();
        LOG.info(() -> "worker " + workerId + " started " + (startedAt - start.startAtMs()) + " ms after the start instant");
        if (stopping) {
            engine.stop();
        }
        LivePublisher live = livePublisher(store, keys, workerId, startedAt);
        EngineOutput output;
        try {
            output = engine.run();
        } finally {
            if (live != null) {
                live.finish(LivePublisher.FINAL_WAIT);
            }
        }
        long finishedAt = clock.millis();
        String failure = output.report().failure();
        if (failure != null) {
            return new Outcome(WorkerReport.FAILED, failure, start, startedAt, finishedAt, output, 1);
        }
        boolean early = stopping || output.report().stoppedEarly();
        return new Outcome(early ? WorkerReport.STOPPED : WorkerReport.COMPLETED, null, start, startedAt, finishedAt, output,
                early ? 1 : 0);
    }

    /** Starts publishing live records, unless turned off or the engine keeps no live counters. */
    private LivePublisher livePublisher(ResultStore store, ResultKeys keys, String workerId, long startedAt) {
        Duration interval = config.liveInterval();
        LiveCounters counters = engine.live();
        if (interval.isZero() || counters == null) {
            LOG.info(() -> "worker " + workerId + " publishes no live records" + (counters == null ? " (engine " + engine.name() + ")" : ""));
            return null;
        }
        LivePublisher live = new LivePublisher(store, keys.workerFile(workerId, ResultKeys.LIVE), counters,
                new LiveRollup(workerId, keys.region(), startedAt, interval.toMillis()), clock);
        live.start(interval);
        return live;
    }

    private static long millis(java.time.Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    /** Writes every result file into the work dir, then stores them all, the report last; false if some were not stored. */
    private boolean upload(ResultStore store, ResultKeys keys, String workerId, Outcome outcome) throws IOException {
        Outbox outbox = workDir.outbox();
        EngineOutput output = outcome.output();
        if (output != null) {
            outbox.write(keys.workerFile(workerId, ResultKeys.XML), output.taurusXml(), "application/xml");
            outbox.write(keys.workerFile(workerId, ResultKeys.HISTOGRAMS), output.histograms().toJson(), "application/json");
            if (output.serviceHistograms() != null) {
                outbox.write(keys.workerFile(workerId, ResultKeys.SERVICE_HISTOGRAMS), output.serviceHistograms().toJson(), "application/json");
            }
            for (Map.Entry<String, Path> log : output.logs().entrySet()) {
                if (Files.isRegularFile(log.getValue())) {
                    outbox.copyTail(keys.workerFile(workerId, "." + log.getKey()), log.getValue(), MAX_LOG_BYTES, "text/plain");
                }
            }
        }
        StartSignal s = outcome.signal();
        WorkerReport report = new WorkerReport(workerId, keys.region(), config.engine(), s == null ? 0 : s.startAtMs(),
                s == null ? 0 : s.receivedAtMs(), outcome.startedAt(), outcome.finishedAt(), output == null ? 0 : output.samples(),
                outcome.outcome(), outcome.message(), output == null ? List.of() : output.report().flags(),
                millis(output == null ? null : output.report().startedAt()), millis(output == null ? null : output.report().finishedAt()),
                output == null ? null : output.open());
        byte[] reportJson = JSON.writeValueAsBytes(report);
        // the histograms go into the report too (when small enough): the operator then reads one object less per worker
        outbox.write(keys.workerFile(workerId, ResultKeys.REPORT),
                output == null ? reportJson : WorkerReportFile.write(reportJson, output.histograms()), "application/json");
        long deadline = retry.clock().millis() + config.uploadDeadline().toMillis();
        try {
            if (!outbox.storeAll(store, retry, deadline).isEmpty()) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.severe("worker " + workerId + " interrupted while uploading; results kept in " + outbox.dir());
            return false;
        }
        LOG.info(() -> "worker " + workerId + " uploaded " + outcome.outcome() + " with " + report.samples() + " samples");
        return true;
    }

    @Override
    public void stop() {
        stopping = true;
        StartGate g = gate;
        if (g != null) {
            g.close();
        }
        WorkerEngine e = engine;
        if (e != null) {
            e.stop();
        }
    }

    private record Outcome(String outcome, String message, StartSignal signal, long startedAt, long finishedAt,
                           EngineOutput output, int exitCode) {
    }
}
