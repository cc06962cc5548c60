package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.SampleSink;
import dev.dlt.agent.scenario.LoadProfile;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The state of one {@link NativeHttpEngine#run}: its virtual users, its clock and its stop flag. */
final class EngineRun {

    /** A dead target must not make its users spin a core reconnecting. */
    private static final long BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(NativeHttpEngine.BACK_OFF_MILLIS);
    /** Extra time granted to users beyond end + request timeout before they are interrupted. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final long requestTimeoutNanos;
    private final long endNanos;
    private final Thread[] users;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopRequested;
    private volatile boolean cancelled;

    EngineRun(PreparedPlan plan, LoadProfile load, SampleSink sink, long startNanos) {
        requestTimeoutNanos = load.requestTimeout().toNanos();
        endNanos = startNanos + load.totalDuration().toNanos();
        long rampUpNanos = load.rampUp().toNanos();
        int concurrency = load.concurrency();
        users = new Thread[concurrency];
        Thread.Builder builder = Thread.ofVirtual().name("dlt-user-", 0);
        for (int i = 0; i < concurrency; i++) {
            // rampUp * i / concurrency without overflowing for long ramp-ups
            long offset = rampUpNanos / concurrency * i + rampUpNanos % concurrency * i / concurrency;
            users[i] = builder.unstarted(new VirtualUser(this, plan, sink, startNanos + offset));
        }
    }

    void start() {
        if (cancelled) {
            return;
        }
        for (Thread user : users) {
            user.start();
        }
    }

    /** Waits for every user to finish: at the end of the load, plus in-flight requests, or at stop(). */
    void awaitUsers() throws InterruptedException {
        try {
            joinAll(endNanos + requestTimeoutNanos + GRACE_NANOS);
        } catch (InterruptedException e) {
            stop();
            joinAll(System.nanoTime() + GRACE_NANOS);
            throw e;
        }
        cancel(); // only stragglers are still alive here (e.g. a sink that blocks)
        joinAll(System.nanoTime() + GRACE_NANOS);
    }

    private void joinAll(long deadlineNanos) throws InterruptedException {
        for (Thread user : users) {
            if (user.getState() == Thread.State.NEW) {
                continue; // never started: the run was stopped before it began
            }
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0 || !user.join(Duration.ofNanos(wait))) {
                return;
            }
        }
    }

    void stop() {
        stopRequested = true;
        cancel();
    }

    private void cancel() {
        cancelled = true;
        for (Thread user : users) {
            user.interrupt(); // wakes sleeping users and closes the sockets of blocked ones
        }
    }

    /** Sleeps until a user's ramp-up slot; false if the run ended or stopped before it came. */
    boolean awaitStart(long startAtNanos) throws InterruptedException {
        long wait = startAtNanos - System.nanoTime();
        if (wait > 0 && active()) {
            sleep(wait);
        }
        if (!active()) {
            return false;
        }
        started.incrementAndGet();
        return true;
    }

    boolean active() {
        return !cancelled && endNanos - System.nanoTime() > 0;
    }

    /** True once users are being interrupted: their failing requests are then not the target's doing. */
    boolean cancelled() {
        return cancelled;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void backOff() throws InterruptedException {
        sleep(Math.min(BACK_OFF_NANOS, Math.max(0, endNanos - System.nanoTime())));
    }

    /** A timer ends the sleep, so the other users must make way when it is overlooked ({@link ExternalWakeups}). */
    private static void sleep(long nanos) throws InterruptedException {
        ExternalWakeups.SHARED.waiting();
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } finally {
            ExternalWakeups.SHARED.returned();
        }
    }

    void fail(Throwable t) {
        failure.compareAndSet(null, t);
        stop();
    }

    long requestTimeoutNanos() {
        return requestTimeoutNanos;
    }

    int startedUsers() {
        return started.get();
    }

    Throwable failure() {
        return failure.get();
    }
}
