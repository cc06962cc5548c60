package dev.dlt.agent.engine;

import java.time.Instant;
import java.util.List;

/**
 * What an engine run did: when load really started and ended, how many users it reached, whether
 * it was stopped early, what went wrong when the engine itself failed (null when it did not), and
 * flags for a run that ended without failing but is not to be trusted (see
 * {@link dev.dlt.results.layout.WorkerReport#flags()}).
 */
public record EngineReport(Instant startedAt, Instant finishedAt, int maxConcurrency, boolean stoppedEarly, String failure,
                           List<String> flags) {

    public EngineReport {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public EngineReport(Instant startedAt, Instant finishedAt, int maxConcurrency, boolean stoppedEarly, String failure) {
        this(startedAt, finishedAt, maxConcurrency, stoppedEarly, failure, List.of());
    }

    public EngineReport(Instant startedAt, Instant finishedAt, int maxConcurrency, boolean stoppedEarly) {
        this(startedAt, finishedAt, maxConcurrency, stoppedEarly, null);
    }
}
