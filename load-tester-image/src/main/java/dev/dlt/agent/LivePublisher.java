package dev.dlt.agent;

import dev.dlt.agent.engine.LiveCounters;
import dev.dlt.results.live.LiveRecordCodec;
import dev.dlt.results.live.LiveRollup;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Publishes a worker's live record every interval while its engine runs: one object, overwritten,
 * on a thread of its own. Best effort: a failed or slow upload is counted and logged, never blocks
 * the load or fails the run; the final record (load ended) is waited for a bounded time only.
 */
final class LivePublisher {

    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());
    /** How long the end of the run waits for the final record to be stored. */
    static final Duration FINAL_WAIT = Duration.ofSeconds(5);

    private final ResultStore store;
    private final String key;
    private final LiveCounters counters;
    private final LiveRollup rollup;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dlt-live");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger failures = new AtomicInteger();
    private long index;

    LivePublisher(ResultStore store, String key, LiveCounters counters, LiveRollup rollup, Clock clock) {
        this.store = store;
        this.key = key;
        this.counters = counters;
        this.rollup = rollup;
        this.clock = clock;
    }

    void start(Duration interval) {
        timer.scheduleAtFixedRate(() -> publish(false), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the last interval and stores the final record, waiting at most {@code wait}. */
    void finish(Duration wait) throws InterruptedException {
        timer.submit(() -> publish(true));
        timer.shutdown();
        if (!timer.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            timer.shutdownNow();
            LOG.warning("the final live record was not stored within " + wait + "; the results upload follows regardless");
        }
    }

    int failures() {
        return failures.get();
    }

    private void publish(boolean finished) {
        try {
            rollup.add(counters.roll(index++));
            store.put(key, LiveRecordCodec.toJson(rollup.record(clock.millis(), finished)), "application/json");
        } catch (Exception e) {
            int n = failures.incrementAndGet();
            if (n == 1 || n % 20 == 0) {
                LOG.warning("live record not stored (" + n + " so far, the run goes on): " + e);
            }
        }
    }
}
