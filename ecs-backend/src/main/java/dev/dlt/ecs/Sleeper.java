package dev.dlt.ecs;

import java.time.Duration;

/** Waits between launch attempts; tests replace it to advance a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration);
    }
}
