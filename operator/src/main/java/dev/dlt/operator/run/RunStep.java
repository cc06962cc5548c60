package dev.dlt.operator.run;

import dev.dlt.operator.api.Phase;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.live.LiveTracker;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import dev.dlt.operator.api.ThresholdSpec;
import dev.dlt.operator.live.LiveWindow;
import dev.dlt.operator.verdict.AbortRule;
import dev.dlt.operator.verdict.LiveThresholdWatch;
import dev.dlt.operator.verdict.RunVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Running: follows the workers until all have ended, or stops those still running at ramp-up +
 * hold-for + the finish grace (a stopped agent uploads what it recorded before it exits). Stops them
 * early when an {@code abortOnFail} threshold breaks on the fleet's live numbers.
 */
public class RunStep implements PhaseStep {

    private final RunObserver observer;
    private final WorkerFleet fleet;
    private final EventRecorder events;
    private final RunSettings settings;
    private final LiveTracker live;
    private final RunMetrics metrics;
    private final LiveThresholdWatch watch = new LiveThresholdWatch();

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
        String decided = context.run().getAbortedOnThreshold();
        if (decided != null) {
            // a breach decided on an earlier look whose stop failed (or was cut short by a restart): the stop is owed
            return stopEarly(context, decided);
        }
        RunObservation observed = observer.observe(plan);
        RunStatusFacts.counts(context.run(), observed, plan);
        follow(context);
        long done = observed.workers().stream().filter(w -> w.state().terminal()).count();
        long missing = Math.max(0, plan.desiredWorkers() - observed.workers().size());
        Instant deadline = deadline(context);
        if (done + missing < plan.desiredWorkers() && context.now().isBefore(deadline)) {
            Optional<LiveThresholdWatch.Breach> breach = breach(context, (int) (observed.workers().size() - done));
            if (breach.isPresent()) {
                return abort(context, breach.get());
            }
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

    /**
     * The first {@code abortOnFail} threshold that broke on the fleet's merged live numbers, if any; judged
     * only when those numbers hold every running worker, so numbers missing (S3 failing, a record late) are never a breach.
     */
    private Optional<LiveThresholdWatch.Breach> breach(RunContext context, int running) {
        var thresholds = context.test().getSpec().getThresholds();
        if (live == null || thresholds == null || context.run().getStartedAt() == null) {
            return Optional.empty();
        }
        List<AbortRule> rules = thresholds.stream().map(ThresholdSpec::toAbortRule).flatMap(Optional::stream).toList();
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String runId = context.run().getId();
        if (!live.covers(runId, running)) {
            return Optional.empty();
        }
        Optional<LiveWindow> window = live.window(runId, live.settings().window());
        Duration elapsed = Duration.between(Instant.parse(context.run().getStartedAt()), context.now());
        return window.flatMap(w -> watch.check(rules, elapsed, w, live.totals(runId), context.now()));
    }

    /** Decides the early stop: kept in status first, so that the stop is carried out even when it fails now or the operator restarts. */
    private StepOutcome abort(RunContext context, LiveThresholdWatch.Breach breach) {
        String why = breach.describe();
        context.run().setAbortedOnThreshold(why);
        return stopEarly(context, why);
    }

    /** Stops every worker (they upload what they recorded) and collects: the run ends by the normal rules, its verdict Failed. */
    private StepOutcome stopEarly(RunContext context, String why) {
        fleet.stop(context.plan());
        context.run().setFinishedAt(context.now().toString());
        events.warning(context.test(), RunVerdict.ABORTED_ON_THRESHOLD, "stopping the run early: " + why);
        return new StepOutcome.Advance(Phase.Collecting, "stopped early, " + why + "; collecting what the workers stored", null);
    }

    /** When workers still running are stopped. */
    public Instant deadline(RunContext context) {
        return Instant.parse(context.run().getStartedAt()).plus(context.plan().loadDuration()).plus(settings.finishGrace());
    }
}
