package dev.dlt.ecs;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard the ECS backend tries to launch: RunTask failures, throttling and capacity errors are
 * retried with exponential backoff (base doubling up to max, with jitter) until the launch deadline.
 *
 * @param launchDeadline how long one launch call may keep retrying before it gives up
 * @param startPort      the port of the agents' start gate, part of every reported address
 */
public record EcsBackendSettings(Duration launchDeadline, Duration backoffBase, Duration backoffMax, int startPort,
                                 Clock clock, Sleeper sleeper) {

    public static final int DEFAULT_START_PORT = 50000;

    public EcsBackendSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < base <= max, was " + backoffBase + " / " + backoffMax);
        }
    }

    /** Three minutes of retries, backoff from 1 s to 20 s, the real clock. */
    public static EcsBackendSettings defaults() {
        return new EcsBackendSettings(Duration.ofMinutes(3), Duration.ofSeconds(1), Duration.ofSeconds(20), DEFAULT_START_PORT,
                Clock.systemUTC(), Sleeper.system());
    }

    public EcsBackendSettings withLaunchDeadline(Duration deadline) {
        return new EcsBackendSettings(deadline, backoffBase, backoffMax, startPort, clock, sleeper);
    }

    public EcsBackendSettings withBackoff(Duration base, Duration max) {
        return new EcsBackendSettings(launchDeadline, base, max, startPort, clock, sleeper);
    }

    public EcsBackendSettings withTime(Clock clock, Sleeper sleeper) {
        return new EcsBackendSettings(launchDeadline, backoffBase, backoffMax, startPort, clock, sleeper);
    }
}
