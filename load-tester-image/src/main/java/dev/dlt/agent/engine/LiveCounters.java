package dev.dlt.agent.engine;

import dev.dlt.results.live.IntervalSnapshot;

/** An engine's live counters: each call closes the current interval and returns what happened in it. */
@FunctionalInterface
public interface LiveCounters {

    IntervalSnapshot roll(long index);
}
