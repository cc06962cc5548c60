package dev.dlt.operator.run;

import dev.dlt.operator.api.Phase;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.RunPlan;
import java.time.Instant;

/**
 * Running: follows the workers until all have ended, or stops those still running at ramp-up +
 * hold-for + the finish grace (a stopped agent uploads what it recorded before it exits).
 */
public class RunStep implements PhaseStep {

    private final RunObserver observer;
    private final WorkerFleet fleet;
    private final EventRecorder events;
    private final RunSettings settings;

    public RunStep(RunObserver observer, WorkerFleet fleet, EventRecorder events, RunSettings settings) {
        this.observer = observer;
        this.fleet = fleet;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public StepOutcome next(RunContext context) {
        RunPlan plan = context.plan();
        String cancelled = context.run().getCancelRequest();
        if (cancelled != null) {
            // stopped agents upload what they recorded: the run collects it like any other
            fleet.stop(plan);
            context.run().setFinishedAt(context.now().toString());
            return new StepOutcome.Advance(Phase.Collecting, "cancelled (" + cancelled + "): collecting what the workers stored", null);
        }
        RunObservation observed = observer.observe(plan);
        RunStatusFacts.counts(context.run(), observed, plan);
        long done = observed.workers().stream().filter(w -> w.state().terminal()).count();
        long missing = Math.max(0, plan.desiredWorkers() - observed.workers().size());
        Instant deadline = deadline(context);
        if (done + missing < plan.desiredWorkers() && context.now().isBefore(deadline)) {
            return StepOutcome.stay(done + " of " + plan.desiredWorkers() + " workers finished");
        }
        if (done + missing < plan.desiredWorkers()) {
            fleet.stop(plan);
            events.warning(context.test(), "Overdue", "workers still running at " + deadline + "; stopped them");
        }
        context.run().setFinishedAt(context.now().toString());
        return new StepOutcome.Advance(Phase.Collecting, "collecting results of " + plan.desiredWorkers() + " workers", null);
    }

    /** When workers still running are stopped. */
    public Instant deadline(RunContext context) {
        return Instant.parse(context.run().getStartedAt()).plus(context.plan().loadDuration()).plus(settings.finishGrace());
    }
}
