package dev.dlt.ecs;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the ECS backend paces launches without ever waiting: after an attempt that left tasks missing
 * (throttling, capacity, RunTask {@code failures}), the run's next RunTask waits a backoff doubling from
 * base up to max (with jitter), and one launch call makes at most {@code maxRunTaskCalls} RunTask calls.
 *
 * @param startPort the port of the agents' start gate, part of every reported address
 */
public record EcsBackendSettings(Duration backoffBase, Duration backoffMax, int maxRunTaskCalls, int startPort, Clock clock) {

    public static final int DEFAULT_START_PORT = 50000;

    public EcsBackendSettings {
        Objects.requireNonNull(clock, "clock");
        if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < base <= max, was " + backoffBase + " / " + backoffMax);
        }
        if (maxRunTaskCalls < 1) {
            throw new IllegalArgumentException("maxRunTaskCalls must be at least 1, was " + maxRunTaskCalls);
        }
    }

    /** Backoff from 1 s to 20 s, at most 20 RunTask calls (200 tasks) per launch call, the real clock. */
    public static EcsBackendSettings defaults() {
        return new EcsBackendSettings(Duration.ofSeconds(1), Duration.ofSeconds(20), 20, DEFAULT_START_PORT, Clock.systemUTC());
    }

    public EcsBackendSettings withBackoff(Duration base, Duration max) {
        return new EcsBackendSettings(base, max, maxRunTaskCalls, startPort, clock);
    }

    public EcsBackendSettings withMaxRunTaskCalls(int calls) {
        return new EcsBackendSettings(backoffBase, backoffMax, calls, startPort, clock);
    }

    public EcsBackendSettings withClock(Clock clock) {
        return new EcsBackendSettings(backoffBase, backoffMax, maxRunTaskCalls, startPort, clock);
    }
}
