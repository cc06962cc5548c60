package dev.dlt.operator.results;

import dev.dlt.results.aggregate.OpenModelAccumulator;
import dev.dlt.results.aggregate.RunAccumulator;

/**
 * The aggregate of the workers merged so far, and when their load ran: the earliest and latest
 * actual start of their engines, the first request and the latest end of load, in epoch millis (0
 * when no worker was merged), and what the open-model workers add up to (null for a closed model).
 */
public record MergedResults(RunAccumulator accumulator, long firstStartMs, long lastStartMs, long lastEndMs, long firstLoadMs,
                            OpenModelAccumulator.Result openModel) {

    public MergedResults(RunAccumulator accumulator, long firstStartMs, long lastStartMs, long lastEndMs, long firstLoadMs) {
        this(accumulator, firstStartMs, lastStartMs, lastEndMs, firstLoadMs, null);
    }

    static MergedResults none() {
        return new MergedResults(new RunAccumulator(), 0, 0, 0, 0);
    }
}
