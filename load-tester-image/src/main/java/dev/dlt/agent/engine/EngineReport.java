package dev.dlt.agent.engine;

import java.time.Instant;

/** What an engine run did: when load really started and ended, and how many users it reached. */
public record EngineReport(Instant startedAt, Instant finishedAt, int maxConcurrency, boolean stoppedEarly) {
}
