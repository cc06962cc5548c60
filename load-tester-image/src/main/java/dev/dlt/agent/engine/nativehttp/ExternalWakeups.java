package dev.dlt.agent.engine.nativehttp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tells a virtual user when it may yield its carrier to the other users and when it must park
 * instead, so that users woken by the JDK's poller or a timer are not starved.
 *
 * <p>Why: a virtual thread woken by the poller (the end of a blocking read or connect) or by a
 * timer (a sleep) is queued on the scheduler's external queue, and a carrier runs that queue only
 * once its local queue is empty. {@link Thread#yield()} puts a user back on the local queue, so
 * while users that find their response keep yielding, a user parked in the poller stays parked
 * after its response arrived: on one carrier until every user happens to park at once (measured:
 * 100–400 ms, see bench/README.md). So every such wait is counted here; when a user has been
 * waiting and none came back for {@link #DRAIN_AFTER_NANOS}, the others stop yielding and park
 * after their next send, the local queue empties, the carrier reaches the external queue, and the
 * first waiter to come back ends that drain.
 */
final class ExternalWakeups {

    /** How long a wait may go unanswered before the yielding users make way: bounds the added latency. */
    static final long DRAIN_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** The scheduler is the JVM's, so are its queues: one gate for all runs. */
    static final ExternalWakeups SHARED = new ExternalWakeups(System::nanoTime, DRAIN_AFTER_NANOS);

    private final LongSupplier clock;
    private final long drainAfterNanos;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong waits = new AtomicLong();
    private volatile long lastReturnNanos;

    ExternalWakeups(LongSupplier clock, long drainAfterNanos) {
        this.clock = clock;
        this.drainAfterNanos = drainAfterNanos;
    }

    /** A user begins to compete for the carrier (a closed-model user's loop, an open-model request); pair with {@link #left()}. */
    void joined() {
        users.incrementAndGet();
    }

    /** The user no longer competes for the carrier. */
    void left() {
        users.decrementAndGet();
    }

    /**
     * True when no other user can be on a carrier's local queue: every other one is in a wait
     * counted here (or the caller is not a user at all). A {@link Thread#yield()} then would put the
     * caller on the external queue ({@link CarrierYield}).
     */
    boolean alone() {
        return users.get() - waiting.get() <= 1;
    }

    /** Before a wait that only the poller or a timer ends; always pair with {@link #returned()}. */
    void waiting() {
        waits.incrementAndGet();
        if (waiting.getAndIncrement() == 0) {
            lastReturnNanos = clock.getAsLong(); // nobody was overlooked before this wait began
        }
    }

    /** After such a wait: the carrier got to the external queue, so nobody needs to make way now. */
    void returned() {
        lastReturnNanos = clock.getAsLong();
        waiting.decrementAndGet();
    }

    /** True unless a waiter may have been overlooked for too long, in which case the caller must park instead. */
    boolean mayYield() {
        return waiting.get() == 0 || clock.getAsLong() - lastReturnNanos < drainAfterNanos;
    }

    /** Users that {@link #joined()} and have not left: 0 whenever no engine runs. */
    int users() {
        return users.get();
    }

    /** Users in such a wait now: 0 whenever no engine runs, or drains would never end. */
    int waiters() {
        return waiting.get();
    }

    /** Such waits begun so far. */
    long waits() {
        return waits.get();
    }
}
