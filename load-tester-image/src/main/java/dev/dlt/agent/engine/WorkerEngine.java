package dev.dlt.agent.engine;

import java.io.IOException;


/**
 * An engine as the worker agent drives it: prepared before the start signal (so a scenario that
 * cannot run fails before the worker reports ready), run from the start instant, stoppable.
 */
public interface WorkerEngine {

    /** The value of {@code DLT_ENGINE} that selects this engine. */
    String name();

    /** Gets everything ready: parses the scenario, fetches plans; throws with a clear message when it cannot run. */
    void prepare(EngineInput input) throws IOException;

    /** Generates the load from now on; blocks until done or {@link #stop()}ped. */
    EngineOutput run() throws IOException, InterruptedException;

    /** The counters a worker publishes while it runs, or null when this engine keeps none (see docs/live-results.md). */
    default LiveCounters live() {
        return null;
    }

    /** Stops a run early (SIGTERM); what was recorded so far is still returned by {@link #run()}. */
    void stop();
}
