package dev.dlt.operator.run;

import dev.dlt.operator.plan.RunPlan;

/**
 * Recording: a decided run stops every worker it launched, deletes its start-gate secret and stores
 * its record in DynamoDB. Each of these is idempotent, so a failure (or a restart) just means doing
 * them again on the next look; the run then takes its decided phase.
 */
public class RecordStep implements PhaseStep {

    private final WorkerFleet fleet;
    private final RunSecrets secrets;
    private final RunRecorder recorder;

    public RecordStep(WorkerFleet fleet, RunSecrets secrets, RunRecorder recorder) {
        this.fleet = fleet;
        this.secrets = secrets;
        this.recorder = recorder;
    }

    @Override
    public StepOutcome next(RunContext context) {
        RunPlan launched = context.plan();
        fleet.stop(launched);
        secrets.delete(launched.run());
        recorder.store(context.test(), context.status());
        return new StepOutcome.Advance(context.run().getOutcome(), context.run().getOutcomeMessage(), null);
    }
}
