package dev.dlt.agent.engine;

import java.time.Instant;

/**
 * What an engine run did: when load really started and ended, how many users it reached, whether
 * it was stopped early, and what went wrong when the engine itself failed (null when it did not).
 */
public record EngineReport(Instant startedAt, Instant finishedAt, int maxConcurrency, boolean stoppedEarly, String failure) {

    public EngineReport(Instant startedAt, Instant finishedAt, int maxConcurrency, boolean stoppedEarly) {
        this(startedAt, finishedAt, maxConcurrency, stoppedEarly, null);
    }
}
