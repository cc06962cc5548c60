package dev.dlt.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.gate.LeaderSettings;
import dev.dlt.agent.gate.StartLeader;
import dev.dlt.agent.gate.WorkerAddress;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerEnv;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The leader: reads its region's worker addresses, starts them all at one instant, reports what
 * happened (the report is written to a work dir first and stored with retries until the upload deadline).
 */
final class LeaderAgent implements Agent {

    private static final Logger LOG = Logger.getLogger(LeaderAgent.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentConfig config;
    private final Function<AgentConfig, ResultStore> stores;
    private final UploadRetry retry;
    private Thread starting; // guarded by this: interrupted by stop() only while it starts the workers
    private boolean stopped; // guarded by this

    LeaderAgent(AgentConfig config) {
        this(config, ResultStore::fromConfig, UploadRetry.standard());
    }

    LeaderAgent(AgentConfig config, Function<AgentConfig, ResultStore> stores, UploadRetry retry) {
        this.config = config;
        this.stores = stores;
        this.retry = retry;
    }

    @Override
    public int run() {
        ResultKeys keys = config.keys();
        try (ResultStore store = stores.apply(config)) {
            LeaderReport report = startWorkers(store, keys);
            LOG.info(() -> "leader: " + report.outcome() + ": " + report.message());
            if (!store(store, keys, report)) {
                return WorkerAgent.EXIT_NOT_STORED;
            }
            return LeaderReport.STARTED.equals(report.outcome()) ? 0 : 1;
        } catch (InterruptedException e) {
            LOG.warning("leader stopped before it started the workers");
            return 1;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "leader failed", e);
            return 1;
        }
    }

    private LeaderReport startWorkers(ResultStore store, ResultKeys keys) throws IOException, InterruptedException {
        synchronized (this) {
            if (stopped) {
                throw new InterruptedException("stopped");
            }
            starting = Thread.currentThread();
        }
        try {
            List<WorkerAddress> workers = addresses(store);
            LeaderSettings defaults = LeaderSettings.defaults();
            LeaderSettings settings = new LeaderSettings(defaults.connectTimeout(),
                    config.seconds(AgentConfig.REACH_DEADLINE, defaults.reachDeadline().toSeconds()),
                    config.optional(AgentConfig.START_LEAD_MS).map(ms -> Duration.ofMillis(Long.parseLong(ms))).orElse(defaults.leadTime()));
            LOG.info(() -> "leader of " + keys.region() + " starting " + workers.size() + " workers");
            Clock clock = Clock.systemUTC();
            StartLeader leader = new StartLeader(keys.testId(), keys.runId(), keys.region(), config.runSecret(), settings, clock);
            LeaderReport report = Boolean.parseBoolean(config.optional(WorkerEnv.COORDINATED_START).orElse("false"))
                    ? leader.start(workers, new CoordinatedStart(store, keys, workers.size(),
                            config.seconds(WorkerEnv.COORDINATION_DEADLINE, 600), clock))
                    : leader.start(workers);
            return report;
        } finally {
            synchronized (this) {
                starting = null;
            }
            Thread.interrupted(); // a stop that came as the start ended must not cut the upload short
        }
    }

    /** Writes the report into a work dir, then stores it with retries; the dir goes once it is stored. */
    private boolean store(ResultStore store, ResultKeys keys, LeaderReport report) throws IOException, InterruptedException {
        WorkDir workDir = WorkDir.create(ResultKeys.LEADER);
        Outbox outbox = workDir.outbox();
        outbox.write(keys.leaderReport(), JSON.writeValueAsBytes(report), "application/json");
        if (!outbox.storeAll(store, retry, retry.clock().millis() + config.uploadDeadline().toMillis()).isEmpty()) {
            return false;
        }
        workDir.delete();
        return true;
    }

    private List<WorkerAddress> addresses(ResultStore store) throws IOException {
        var inline = config.optional(AgentConfig.WORKER_ADDRESSES);
        if (inline.isPresent()) {
            return Arrays.stream(inline.get().split(",")).filter(s -> !s.isBlank()).map(WorkerAddress::parse).toList();
        }
        byte[] json = store.get(config.required(AgentConfig.WORKER_ADDRESSES_KEY));
        return Arrays.stream(JSON.readValue(json, String[].class)).map(WorkerAddress::parse).toList();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (starting != null) {
            starting.interrupt();
        }
    }
}
