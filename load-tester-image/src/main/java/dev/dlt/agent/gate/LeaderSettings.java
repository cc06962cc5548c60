package dev.dlt.agent.gate;

import java.time.Duration;

/**
 * How patient the leader is: the connect timeout of one attempt, the deadline by which every worker
 * must be reachable, and how far in the future the start instant is set.
 */
public record LeaderSettings(Duration connectTimeout, Duration reachDeadline, Duration leadTime) {

    public static LeaderSettings defaults() {
        return new LeaderSettings(Duration.ofSeconds(2), Duration.ofMinutes(3), Duration.ofSeconds(2));
    }
}
