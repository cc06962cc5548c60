package dev.dlt.operator.live;

import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.live.LiveRecordCodec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Follows the live records of running tests in S3: lists each region's records, reads only those
 * whose ETag changed (bounded), and merges them into the run's {@link LiveRun}. Best effort while
 * the run goes on: a record that cannot be read is skipped and counted, and a failing S3 only leaves
 * the numbers as they were; neither holds up or fails the run. State is in memory: after a restart the
 * newest records are read again (totals exact; intervals overwritten meanwhile are missing from
 * the timeline and counted).
 */
public class LiveTracker {

    private static final Logger LOG = Logger.getLogger(LiveTracker.class);
    /** A run not followed for this long was ended without being recorded (its LoadTest deleted): its state goes. */
    static final Duration ABANDONED = Duration.ofMinutes(30);

    private final ObjectStore store;
    private final LiveSettings settings;
    private final Clock clock;
    private final Map<String, Followed> runs = new ConcurrentHashMap<>();

    public LiveTracker(ObjectStore store, LiveSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public LiveSettings settings() {
        return settings;
    }

    /** Reads what changed (at most every {@code readEvery}) and returns the run's live numbers now. */
    public ProgressStatus follow(RunPlan plan, Instant runStart) {
        Instant now = clock.instant();
        runs.entrySet().removeIf(e -> e.getValue().lastRead != null && e.getValue().lastRead.plus(ABANDONED).isBefore(now));
        Followed run = followed(plan, runStart);
        synchronized (run) {
            if (run.lastRead == null || !now.isBefore(run.lastRead.plus(settings.readEvery()))) {
                read(plan, run, false);
                run.lastRead = now;
            }
            return run.live.progress(now, plan.desiredWorkers(), settings.window());
        }
    }

    /**
     * A last read of the run's records; its merged state, for the timeline and the report. Unlike the
     * reads while the run goes on, a failing S3 is thrown: a timeline written from a failed read would lose intervals.
     */
    public LiveRun last(RunPlan plan, Instant runStart) {
        Followed run = followed(plan, runStart);
        synchronized (run) {
            read(plan, run, true);
            return run.live;
        }
    }

    public void forget(String runId) {
        runs.remove(runId);
    }

    private Followed followed(RunPlan plan, Instant runStart) {
        return runs.computeIfAbsent(plan.run().runId(), id -> new Followed(new LiveRun(runStart, plan.loadDuration())));
    }

    /** @param strict whether a failing S3 is thrown rather than leaving the numbers as they were */
    private void read(RunPlan plan, Followed run, boolean strict) {
        for (RegionPlan region : plan.regions()) {
            ResultKeys keys = plan.keys(region);
            try {
                for (ObjectStore.Entry entry : store.listEntries(region.bucket(), keys.resultsPrefix())) {
                    String name = entry.key().substring(keys.resultsPrefix().length());
                    if (name.endsWith(ResultKeys.LIVE) && !name.contains("/")
                            && (entry.etag() == null || !entry.etag().equals(run.etags.get(entry.key())))) {
                        readRecord(region, entry, name.substring(0, name.length() - ResultKeys.LIVE.length()), run);
                    }
                }
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                LOG.debugf("live records of run %s in %s not read now: %s", plan.run().runId(), region.region(), e.getMessage());
            }
        }
    }

    private void readRecord(RegionPlan region, ObjectStore.Entry entry, String workerId, Followed run) {
        try {
            Optional<InputStream> in = store.open(region.bucket(), entry.key(), LiveRecordCodec.MAX_BYTES);
            if (in.isEmpty()) {
                return;
            }
            byte[] bytes;
            try (InputStream stream = in.get()) {
                bytes = stream.readAllBytes();
            }
            var record = LiveRecordCodec.fromJson(bytes);
            if (!record.workerId().equals(workerId)) {
                throw new IOException("record of worker '" + record.workerId() + "' stored as " + workerId);
            }
            run.live.accept(region.region(), region.region() + "/" + workerId, record, clock.instant());
        } catch (IOException e) {
            run.live.rejected();
            LOG.warnf("live record %s skipped: %s", entry.key(), e.getMessage());
        }
        if (entry.etag() != null) {
            run.etags.put(entry.key(), entry.etag());
        }
    }

    private static final class Followed {
        final LiveRun live;
        final Map<String, String> etags = new HashMap<>();
        Instant lastRead;

        Followed(LiveRun live) {
            this.live = live;
        }
    }

    /** Every worker's counts so far of a followed run, merged per label (empty when it is not followed). */
    public Map<String, dev.dlt.results.live.LabelInterval> totals(String runId) {
        Followed run = runs.get(runId);
        if (run == null) {
            return Map.of();
        }
        synchronized (run) {
            return run.live.totals();
        }
    }

    /** Whether a followed run's live numbers hold each of its {@code running} workers now (see {@link LiveRun#covers}). */
    public boolean covers(String runId, int running) {
        Followed run = runs.get(runId);
        if (run == null) {
            return false;
        }
        synchronized (run) {
            return run.live.covers(running, clock.instant());
        }
    }

    /** The merged last {@code length} of a followed run (per label, with histograms): the input of a threshold evaluator. */
    public Optional<LiveWindow> window(String runId, Duration length) {
        return Optional.ofNullable(runs.get(runId)).map(f -> f.live.window(length));
    }
}
