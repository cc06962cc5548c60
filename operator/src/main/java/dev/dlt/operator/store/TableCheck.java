package dev.dlt.operator.store;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The result table's check, in the background, when the operator sees its first LoadTest: creates a missing table,
 * and tries again with a growing pause while DynamoDB does not answer, until it answers, the tries run out or the
 * thread is interrupted. Not at start-up: an operator with no LoadTest has no use for the AWS SDK, whose classes
 * and client would make up about a tenth of its idle memory.
 */
public final class TableCheck {

    /** How many times the table is tried before the check gives up (runs then create it when they record). */
    public static final int ATTEMPTS = 20;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(TableCheck.class);

    /** How a check ended. */
    public enum Outcome { CHECKED, GAVE_UP, STOPPED }

    /** Waits between two tries; the real one sleeps, a test's records the pause and returns. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration pause) throws InterruptedException;
    }

    private final String table;
    private final Runnable ensureTable;
    private final Pause pause;
    private Thread thread;
    private boolean stopped;

    /** {@code ensureTable} creates the table when missing and throws while DynamoDB does not answer. */
    public TableCheck(String table, Runnable ensureTable, Pause pause) {
        this.table = table;
        this.ensureTable = ensureTable;
        this.pause = pause;
    }

    /** The check of {@code history}'s table, sleeping for real between tries. */
    public static TableCheck of(DynamoDbResultHistory history, String table) {
        return new TableCheck(table, history::ensureTable, Thread::sleep);
    }

    /**
     * Starts the check on a virtual thread of its own the first time it is called, unless stopped, and returns at
     * once; true when this call started it.
     */
    public synchronized boolean startOnce() {
        if (thread != null || stopped) {
            return false;
        }
        thread = Thread.ofVirtual().name("dynamodb-table-check").start(this::run);
        return true;
    }

    /** Ends a running check, and keeps one from starting later. */
    public synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The pause after the {@code attempt}-th try failed: two seconds more after each, thirty at most. */
    static Duration pauseAfter(int attempt) {
        Duration growing = Duration.ofSeconds(2L * attempt);
        return growing.compareTo(LONGEST_PAUSE) < 0 ? growing : LONGEST_PAUSE;
    }

    /** Tries the table until it is there, {@link #ATTEMPTS} times at most; logs the first failure and giving up. */
    public Outcome run() {
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                return stopped(attempt - 1);
            }
            try {
                ensureTable.run();
                if (attempt > 1) {
                    LOG.infof("DynamoDB table %s checked at try %d", table, attempt);
                } else {
                    LOG.debugf("DynamoDB table %s checked", table);
                }
                return Outcome.CHECKED;
            } catch (RuntimeException e) {
                // the SDK turns an interrupt during a call into an exception of its own and keeps the flag: stopped, not failed
                if (Thread.currentThread().isInterrupted()) {
                    return stopped(attempt);
                }
                if (attempt == 1) {
                    LOG.warnf("DynamoDB table %s not checked (%s); trying again in the background", table, reason(e));
                }
                if (attempt == ATTEMPTS) {
                    LOG.warnf("DynamoDB table %s still not checked after %d tries (%s); runs create it when they record their results",
                            table, ATTEMPTS, reason(e));
                    return Outcome.GAVE_UP;
                }
            }
            try {
                pause.sleep(pauseAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stopped(attempt);
            }
        }
    }

    private Outcome stopped(int tries) {
        LOG.debugf("DynamoDB table %s check stopped after %d tries", table, tries);
        return Outcome.STOPPED;
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
