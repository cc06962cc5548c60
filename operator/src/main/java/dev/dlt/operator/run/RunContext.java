package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.plan.RunPlan;
import java.time.Instant;

/**
 * One look at an active run: the LoadTest, its plan, the status being built (steps record the run's
 * facts in {@code status.run}; the status builder owns phase, message and conditions) and the time.
 */
public record RunContext(LoadTest test, RunPlan plan, LoadTestStatus status, Instant now) {

    public RunStatus run() {
        return status.getRun();
    }

    public long generation() {
        return test.getMetadata().getGeneration() == null ? 0 : test.getMetadata().getGeneration();
    }
}
