package dev.dlt.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/** Tries an upload again and again, waiting as {@link Backoff} says, until it succeeds or a deadline passes. */
final class UploadRetry {

    private static final Logger LOG = Logger.getLogger(UploadRetry.class.getName());

    /** Waits; tests pass one that only advances their clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long ms) throws InterruptedException;
    }

    @FunctionalInterface
    interface Attempt {
        void run() throws IOException;
    }

    private final Backoff backoff;
    private final Clock clock;
    private final Sleeper sleeper;

    UploadRetry(Backoff backoff, Clock clock, Sleeper sleeper) {
        this.backoff = backoff;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static UploadRetry standard() {
        return new UploadRetry(Backoff.standard(), Clock.systemUTC(), Thread::sleep);
    }

    Clock clock() {
        return clock;
    }

    /**
     * Runs {@code attempt} until it succeeds (true) or it failed at or after {@code deadlineMs} (false);
     * it never waits past the deadline, and the last try is made at the deadline.
     */
    boolean run(String what, Attempt attempt, long deadlineMs) throws InterruptedException {
        for (int retry = 1; ; retry++) {
            try {
                attempt.run();
                return true;
            } catch (IOException e) {
                long now = clock.millis();
                if (now >= deadlineMs) {
                    LOG.warning(what + " failed (attempt " + retry + "), upload deadline passed: " + e.getMessage());
                    return false;
                }
                long wait = Math.min(backoff.delayMs(retry), deadlineMs - now);
                LOG.warning(what + " failed (attempt " + retry + "), retrying in " + wait + " ms: " + e.getMessage());
                sleeper.sleep(wait);
            }
        }
    }
}
