package dev.dlt.agent.gate;

import java.time.Clock;

/** Waits for a wall-clock instant with millisecond precision: sleeps most of the way, then spins. */
public final class StartClock {

    private StartClock() {
    }

    public static void sleepUntil(Clock clock, long epochMs) throws InterruptedException {
        while (true) {
            long remaining = epochMs - clock.millis();
            if (remaining <= 0) {
                return;
            }
            if (remaining > 5) {
                Thread.sleep(remaining - 3);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
