package dev.dlt.agent.gate;

import java.time.Clock;

/**
 * Waits for a wall-clock instant with millisecond precision: sleeps most of the way, then spins.
 * A virtual thread yields while it spins, so that many waiting for one instant on few carriers
 * (a benchmark, the local cloud) all get to see it rather than queue behind the first spinners.
 */
public final class StartClock {

    /** The last stretch is spun rather than slept: a sleep may overshoot by a scheduler tick. */
    private static final long SPIN_MS = 10;

    private StartClock() {
    }

    public static void sleepUntil(Clock clock, long epochMs) throws InterruptedException {
        boolean virtual = Thread.currentThread().isVirtual();
        while (true) {
            long remaining = epochMs - clock.millis();
            if (remaining <= 0) {
                return;
            }
            if (remaining > SPIN_MS) {
                Thread.sleep(remaining - SPIN_MS);
            } else if (virtual) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
