package dev.dlt.operator.run;

import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.api.LeaderOutcome;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.results.ResultCollector;
import dev.dlt.results.layout.LeaderReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starting: once every region's leader reached its workers, sets one start instant for all regions;
 * then waits for every leader's report of the start.
 */
public class StartStep implements PhaseStep {

    private final RunObserver observer;
    private final CoordinatedStartSignal startSignal;
    private final ResultCollector collector;
    private final RunSettings settings;

    public StartStep(RunObserver observer, CoordinatedStartSignal startSignal, ResultCollector collector, RunSettings settings) {
        this.observer = observer;
        this.startSignal = startSignal;
        this.collector = collector;
        this.settings = settings;
    }

    @Override
    public StepOutcome next(RunContext context) {
        RunPlan plan = context.plan();
        RunStatus run = context.run();
        RunObservation observed = observer.observe(plan);
        RunStatusFacts.counts(run, observed, plan);
        if (run.getStartedAt() == null) {
            startSignal.sendWhenAllLeadersReady(plan).ifPresent(startAt -> run.setStartedAt(Instant.ofEpochMilli(startAt).toString()));
        }
        boolean allReported = true;
        List<String> problems = new ArrayList<>();
        long startAt = Long.MAX_VALUE;
        for (RegionPlan region : plan.regions()) {
            Optional<LeaderReport> report = collector.leaderReport(region.bucket(), plan.keys(region));
            LeaderOutcome outcome = report.map(r -> LeaderOutcome.of(r.outcome())).orElse(null);
            RunStatusFacts.region(run, region).setLeader(outcome);
            if (report.isPresent()) {
                if (outcome == LeaderOutcome.ABORTED) {
                    return StepOutcome.fail("StartAborted", "leader of " + region.region() + ": " + report.get().message());
                }
                if (outcome != LeaderOutcome.STARTED) {
                    problems.add("leader of " + region.region() + ": " + report.get().message());
                }
                startAt = Math.min(startAt, report.get().startAtMs());
                continue;
            }
            Optional<WorkerInstance> leader = observed.leader(region.region());
            if (leader.isPresent() && leader.get().state() == WorkerState.FAILED) {
                return StepOutcome.fail("LeaderFailed", "leader of " + region.region() + " failed: " + leader.get().message());
            }
            allReported = false;
        }
        if (!allReported) {
            Instant deadline = Instant.parse(run.getLaunchedAt()).plus(settings.launchTimeout()).plus(settings.reachTimeout());
            if (context.now().isAfter(deadline)) {
                return StepOutcome.fail("LeaderTimeout", "no leader report by " + deadline);
            }
            return StepOutcome.stay(run.getStartedAt() == null ? "leaders reaching their workers"
                    : "every leader reached its workers; all start at " + run.getStartedAt());
        }
        if (startAt <= 0 || startAt == Long.MAX_VALUE) {
            return StepOutcome.fail("StartAborted", "a leader reported no start instant");
        }
        run.setStartedAt(Instant.ofEpochMilli(startAt).toString());
        String message = problems.isEmpty() ? "running until about " + Instant.ofEpochMilli(startAt).plus(plan.loadDuration())
                : String.join("; ", problems);
        return new StepOutcome.Advance(Phase.Running, message, "Started");
    }
}
