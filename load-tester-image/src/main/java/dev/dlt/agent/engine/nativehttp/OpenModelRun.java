package dev.dlt.agent.engine.nativehttp;

import dev.dlt.results.layout.OpenModelReport;
import dev.dlt.agent.engine.OpenSampleSink;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-model run: a scheduler sends iteration {@code i} (request {@code i mod n} of the plan) at
 * the instant the {@link ArrivalSchedule} gives, each on its own virtual thread with a keep-alive
 * lane of connections reused from earlier iterations. When {@code maxConcurrency} iterations are in
 * flight, a due iteration is dropped and counted, never sent late.
 */
final class OpenModelRun {

    /** Extra time granted to requests in flight beyond the request timeout before the run gives up on them. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final PreparedPlan plan;
    private final ArrivalSchedule schedule;
    private final int maxConcurrency;
    private final long timeoutNanos;
    private final OpenSampleSink sink;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Lane> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread.Builder senders = Thread.ofVirtual().name("dlt-iteration-", 0);
    private volatile boolean stopped;
    private volatile Thread scheduler;
    private long due;
    private long sent;
    private long dropped;

    /** The connections and exchange one iteration uses; handed from iteration to iteration. */
    private record Lane(HttpConnection[] connections, HttpExchange exchange) {
    }

    OpenModelRun(PreparedPlan plan, ArrivalSchedule schedule, int maxConcurrency, long timeoutNanos, OpenSampleSink sink) {
        this.plan = plan;
        this.schedule = schedule;
        this.maxConcurrency = maxConcurrency;
        this.timeoutNanos = timeoutNanos;
        this.sink = sink;
        this.permits = new Semaphore(maxConcurrency);
    }

    /** Runs the schedule from {@code startNanos} (System.nanoTime) to its end or {@link #stop()}, then waits for requests in flight. */
    OpenModelReport run(long startNanos) throws InterruptedException {
        scheduler = Thread.currentThread();
        PreparedRequest[] requests = plan.requests();
        long iterations = schedule.iterations();
        long i = 0;
        OpenModelReport report;
        try {
            for (; i < iterations && !stopped && failure.get() == null; i++) {
                long dueAt = startNanos + schedule.intendedNanos(i);
                if (!sleepUntil(dueAt)) {
                    break;
                }
                due++;
                if (!permits.tryAcquire()) {
                    dropped++;
                    continue;
                }
                peak.accumulateAndGet(maxConcurrency - permits.availablePermits(), Math::max);
                PreparedRequest request = requests[(int) (i % requests.length)];
                sent++;
                start(request, dueAt);
            }
        } finally {
            long ended = System.nanoTime();
            if (!permits.tryAcquire(maxConcurrency, timeoutNanos + GRACE_NANOS, TimeUnit.NANOSECONDS)) {
                failure.compareAndSet(null, new IllegalStateException("requests still in flight after the request timeout"));
            }
            for (Lane lane : idle) {
                for (HttpConnection connection : lane.connections()) {
                    connection.close();
                }
            }
            scheduler = null;
            // a schedule run to its end lasted its whole length, though its last iteration was due before that
            long span = i == iterations ? schedule.totalNanos() : Math.min(ended - startNanos, schedule.totalNanos());
            double seconds = span / 1e9;
            report = new OpenModelReport(due, sent, dropped, seconds, seconds > 0 ? schedule.dueBy(span) / seconds : 0);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an iteration failed", failure.get());
        }
        return report;
    }

    /**
     * Starts an iteration's thread. Started from outside the carrier, it waits on the scheduler's
     * external queue, which yielding senders must not starve ({@link ExternalWakeups}).
     */
    private void start(PreparedRequest request, long dueAt) {
        ExternalWakeups.SHARED.waiting();
        try {
            senders.start(() -> {
                ExternalWakeups.SHARED.returned();
                ExternalWakeups.SHARED.joined();
                try {
                    send(request, dueAt);
                } finally {
                    ExternalWakeups.SHARED.left();
                }
            });
        } catch (RuntimeException | Error e) {
            ExternalWakeups.SHARED.returned(); // never started, so it will not come back
            throw e;
        }
    }

    /** Sleeps until the instant; false if the run was stopped meanwhile. */
    private boolean sleepUntil(long instant) {
        long wait;
        while ((wait = instant - System.nanoTime()) > 0) {
            if (stopped) {
                return false;
            }
            if (!Thread.currentThread().isVirtual()) {
                LockSupport.parkNanos(wait);
                continue;
            }
            ExternalWakeups.SHARED.waiting(); // on a virtual thread, a timer ends the park through the external queue
            try {
                LockSupport.parkNanos(wait);
            } finally {
                ExternalWakeups.SHARED.returned();
            }
        }
        return !stopped;
    }

    private void send(PreparedRequest request, long dueAt) {
        Lane lane = idle.pollFirst();
        if (lane == null) {
            HttpConnection[] connections = new HttpConnection[plan.origins().length];
            for (int i = 0; i < connections.length; i++) {
                connections[i] = new HttpConnection(plan.origins()[i], ResponseParser.MAX_HEADER_BYTES);
            }
            lane = new Lane(connections, new HttpExchange(timeoutNanos));
        }
        try {
            HttpExchange exchange = lane.exchange();
            String code;
            boolean success;
            try {
                exchange.execute(request, lane.connections()[request.origin()]);
                code = StatusCodes.of(exchange.status());
                success = exchange.status() < 400;
            } catch (IOException e) {
                code = e.getClass().getSimpleName();
                success = false;
            }
            long endedAt = System.nanoTime();
            // from the intended instant: the wait for the scheduler and a retried stale connection count too
            long intended = Math.max(exchange.elapsedNanos, endedAt - dueAt);
            long latency = exchange.latencyNanos;
            long intendedLatency = latency == 0 ? 0 : Math.max(latency, intended - exchange.elapsedNanos + latency);
            sink.accept(request.label(), micros(intended), micros(intendedLatency), micros(exchange.elapsedNanos), micros(latency),
                    micros(exchange.connectNanos), exchange.bytes(), code, success);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            idle.addFirst(lane);
            permits.release();
        }
    }

    void stop() {
        stopped = true;
        Thread thread = scheduler;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** The most iterations in flight at once. */
    int peakConcurrency() {
        return peak.get();
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
