package dev.dlt.agent.gate;

import java.time.Duration;

/**
 * How much a start gate gives a connection: the whole start frame must arrive within
 * {@code frameDeadline} of the accept, and at most {@code maxPending} connections may wait for their
 * frame at once (beyond that the oldest are shed, so a new connection, the leader's, always gets in).
 */
public record GateLimits(Duration frameDeadline, int maxPending) {

    public GateLimits {
        if (frameDeadline.isNegative() || frameDeadline.isZero() || maxPending < 1) {
            throw new IllegalArgumentException("gate limits must be positive: " + frameDeadline + ", " + maxPending);
        }
    }

    public static GateLimits defaults() {
        return new GateLimits(Duration.ofSeconds(3), 2048);
    }
}
