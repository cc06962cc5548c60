package dev.dlt.operator.run;

import dev.dlt.operator.api.Phase;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.live.LiveTracker;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.status.LoadTestStatusBuilder;
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
    private final LiveTracker live;
    private final RunMetrics metrics;

    public RunStep(RunObserver observer, WorkerFleet fleet, EventRecorder events, RunSettings settings) {
        this(observer, fleet, events, settings, null, null);
    }

    /** @param live follows the workers' live records into status.progress and the metrics; null for none */
    public RunStep(RunObserver observer, WorkerFleet fleet, EventRecorder events, RunSettings settings, LiveTracker live,
                   RunMetrics metrics) {
        this.observer = observer;
        this.fleet = fleet;
        this.events = events;
        this.settings = settings;
        this.live = live;
        this.metrics = metrics;
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
        follow(context);
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

    /** Live numbers into status.progress (rate-limited) and the metrics; never holds up the run. */
    private void follow(RunContext context) {
        if (live == null || context.run().getStartedAt() == null) {
            return;
        }
        ProgressStatus progress = live.follow(context.plan(), Instant.parse(context.run().getStartedAt()));
        LoadTestStatusBuilder.progress(context.status(), progress, live.settings().statusEvery(), context.now());
        if (metrics != null) {
            metrics.progress(context.test().getMetadata().getNamespace(), context.test().getMetadata().getName(), progress);
        }
    }

    /** When workers still running are stopped. */
    public Instant deadline(RunContext context) {
        return Instant.parse(context.run().getStartedAt()).plus(context.plan().loadDuration()).plus(settings.finishGrace());
    }
}
