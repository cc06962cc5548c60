package dev.dlt.results.layout;

/**
 * The documents of a coordinated start: a leader's "every worker reachable" note, and the operator's
 * start instant for all regions.
 */
public final class StartSignal {

    private StartSignal() {
    }

    /** A region's leader reached all its workers and waits. */
    public record LeaderReady(String region, long readyAtMs, int workers) {
    }

    /** The instant every leader sends to its workers (epoch millis, wall clock). */
    public record Go(long startAtMs, long sentAtMs) {
    }
}
