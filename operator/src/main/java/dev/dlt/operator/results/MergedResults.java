package dev.dlt.operator.results;

import dev.dlt.results.aggregate.RunAccumulator;

/**
 * The aggregate of the workers merged so far, and when their load ran: the earliest and latest
 * actual start and the latest end, in epoch millis (0 when no worker was merged).
 */
public record MergedResults(RunAccumulator accumulator, long firstStartMs, long lastStartMs, long lastEndMs) {

    static MergedResults none() {
        return new MergedResults(new RunAccumulator(), 0, 0, 0);
    }
}
