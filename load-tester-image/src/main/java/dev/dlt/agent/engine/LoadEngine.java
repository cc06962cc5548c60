package dev.dlt.agent.engine;

import dev.dlt.agent.scenario.TestPlan;

/** Generates the load of one worker. */
public interface LoadEngine {

    /**
     * Runs the plan from now: ramps up the virtual users, holds, then stops every user and waits
     * for requests in flight (bounded by the request timeout). Blocks until done.
     */
    EngineReport run(TestPlan plan, SampleSink sink) throws InterruptedException;

    /** Asks a running {@link #run} to stop early; safe to call from any thread, any time. */
    void stop();
}
