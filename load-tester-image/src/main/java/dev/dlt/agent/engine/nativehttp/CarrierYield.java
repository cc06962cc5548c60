package dev.dlt.agent.engine.nativehttp;

import java.util.concurrent.locks.LockSupport;

/**
 * Yields a virtual user's carrier so that the user goes back on that carrier's local queue, never
 * on the scheduler's external one.
 *
 * <p>Why: {@link Thread#yield()} puts a virtual thread back on its carrier's local queue only if
 * that queue holds another task; if it is empty, on the external queue. A carrier looks at the
 * external queue only once its local queue is empty, and under load it seldom is: the JDK's read
 * sub-poller, itself a virtual thread on the local queue, keeps waking users onto it as responses
 * arrive. So a user that yielded at a moment when every other user was parked in the poller waited
 * on the external queue while the others, woken right after, kept the local queue busy: 30–420 ms
 * on one carrier, the engine's whole latency tail against nginx (bench/README.md, "Latency
 * outliers"). When every other user is in a wait counted by {@link ExternalWakeups}, the caller
 * first wakes a partner thread that does nothing but park again. Woken from a carrier, the partner
 * goes on that carrier's local queue, so the yield that follows goes there too, right behind it.
 */
final class CarrierYield {

    /** Runs only to park again: its one job is to be on the local queue when a user yields alone. */
    private static final Thread PARTNER = Thread.ofVirtual().name("dlt-yield-partner").start(CarrierYield::parkForever);

    private CarrierYield() {
    }

    /**
     * Waits (briefly) until the partner has parked for the first time: until then waking it does not
     * queue it, so a lone user's first yields could still reach the external queue. Part of the
     * engine's warm-up.
     */
    static void prepare() {
        for (int i = 0; i < 1_000 && PARTNER.getState() != Thread.State.WAITING; i++) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Yields the carrier to the other users, staying on the carrier's local queue. */
    static void yieldCarrier(ExternalWakeups wakeups) {
        if (wakeups.alone()) {
            LockSupport.unpark(PARTNER); // a virtual thread's unpark from a carrier pushes onto that carrier's local queue
        }
        Thread.yield();
    }

    private static void parkForever() {
        for (;;) {
            LockSupport.park();
        }
    }
}
