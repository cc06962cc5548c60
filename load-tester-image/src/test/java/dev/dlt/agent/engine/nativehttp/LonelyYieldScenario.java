package dev.dlt.agent.engine.nativehttp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's former latency outlier, reduced to its mechanism, for {@link CarrierYieldTest}: run
 * in a JVM with one carrier. A user is alone on the carrier (every other user parked) and yields;
 * meanwhile a task waits on the external queue that, once run, starts two threads that keep the
 * carrier's local queue busy by yielding to each other (as users woken by the poller do). Prints
 * how long the lone user's yield took in each trial: a yield onto the external queue waits until
 * the busy pair stops (a second), one onto the local queue returns at once.
 *
 * <p>Arguments: {@code plain} (Thread.yield) or {@code carrier} ({@link CarrierYield}), and the
 * number of trials.
 */
public final class LonelyYieldScenario {

    static final String LINE = "YIELD_MILLIS ";
    private static final long BUSY_MILLIS = 1_000;

    private LonelyYieldScenario() {
    }

    public static void main(String[] args) throws Exception {
        boolean carrier = args[0].equals("carrier");
        int trials = Integer.parseInt(args[1]);
        CarrierYield.prepare(); // as the engine's warm-up does
        for (int i = 0; i < trials; i++) {
            System.out.println(LINE + trial(carrier));
        }
    }

    private static long trial(boolean carrier) throws InterruptedException {
        ExternalWakeups wakeups = ExternalWakeups.SHARED;
        AtomicBoolean go = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable busy = () -> {
            while (!go.get()) {
                LockSupport.park();
            }
            while (!stop.get()) {
                Thread.yield();
            }
        };
        Thread[] pair = {Thread.ofVirtual().start(busy), Thread.ofVirtual().start(busy)};
        for (Thread t : pair) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean submitted = new AtomicBoolean();
        long[] yieldNanos = new long[1];
        Thread user = Thread.ofVirtual().start(() -> {
            wakeups.joined();
            try {
                running.countDown();
                while (!submitted.get()) {
                    Thread.onSpinWait(); // holds the only carrier: the task below stays on the external queue
                }
                long start = System.nanoTime();
                if (carrier) {
                    CarrierYield.yieldCarrier(wakeups);
                } else {
                    Thread.yield();
                }
                yieldNanos[0] = System.nanoTime() - start;
            } finally {
                wakeups.left();
            }
        });
        running.await();
        // started from this platform thread, the task waits on the external queue; it wakes the pair
        // from the carrier, which puts them on its local queue, as the poller wakes users
        Thread waker = Thread.ofVirtual().start(() -> {
            go.set(true);
            for (Thread t : pair) {
                LockSupport.unpark(t);
            }
        });
        submitted.set(true);
        user.join(BUSY_MILLIS);
        stop.set(true);
        user.join();
        waker.join();
        for (Thread t : pair) {
            t.join();
        }
        return TimeUnit.NANOSECONDS.toMillis(yieldNanos[0]);
    }
}
