package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.plan.RunPlanner;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Stops the active run of a LoadTest that is being deleted, and records it as cancelled. Stopping is
 * retried (by throwing) for a while; after that the deletion goes on, since worker pods are deleted
 * with their owner anyway and ECS workers end at their own deadlines. The record is a best effort.
 */
public class RunCanceller {

    /** How long a deletion waits for its workers to be stopped. */
    static final Duration STOP_PATIENCE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(RunCanceller.class);

    private final RunPlanner planner;
    private final WorkerFleet fleet;
    private final RunSecrets secrets;
    private final RunRecorder recorder;
    private final Clock clock;

    public RunCanceller(RunPlanner planner, WorkerFleet fleet, RunSecrets secrets, RunRecorder recorder, Clock clock) {
        this.planner = planner;
        this.fleet = fleet;
        this.secrets = secrets;
        this.recorder = recorder;
        this.clock = clock;
    }

    public void deleted(LoadTest test) {
        LoadTestStatus status = test.getStatus();
        RunPlan launched = planner.launched(test, status.getRun());
        Instant now = clock.instant();
        try {
            fleet.stop(launched);
            secrets.delete(launched.run());
        } catch (RuntimeException e) {
            String deleting = test.getMetadata().getDeletionTimestamp();
            if (deleting == null || now.isBefore(Instant.parse(deleting).plus(STOP_PATIENCE))) {
                throw e;
            }
            LOG.errorf("LoadTest %s/%s deleted: could not stop the workers of run %s within %s: %s", test.getMetadata().getNamespace(),
                    test.getMetadata().getName(), status.getRun().getId(), STOP_PATIENCE, e.getMessage());
        }
        try {
            if (status.getPhase() != Phase.Recording) {
                long generation = status.getRun().getGeneration() == null ? 0 : status.getRun().getGeneration();
                LoadTestStatusBuilder.ending(status, Phase.Cancelled, "Deleted", "LoadTest deleted during run " + status.getRun().getId(),
                        generation, now);
            }
            recorder.store(test, status);
        } catch (RuntimeException e) {
            LOG.warnf("LoadTest %s/%s deleted: run %s not recorded: %s", test.getMetadata().getNamespace(), test.getMetadata().getName(),
                    status.getRun().getId(), e.getMessage());
        }
    }
}
