package dev.dlt.operator.run;

import dev.dlt.backend.LaunchFailedException;
import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.InvalidPlanException;
import dev.dlt.operator.plan.JmeterPlan;
import dev.dlt.operator.plan.JmeterPlans;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.scenario.SealedRequestValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Launching: writes the scenario (and plan, and sealed Secret values) to S3, launches the missing workers of every region, and
 * each region's leader once all its workers listen. Launch calls never wait: throttled or short
 * launches are called again on the next look, until the launch deadline.
 */
public class LaunchStep implements PhaseStep {

    private final WorkerFleet fleet;
    private final RunObserver observer;
    private final RunSecrets secrets;
    private final ObjectStore store;
    private final JmeterPlans plans;
    private final EventRecorder events;
    private final RunSettings settings;

    public LaunchStep(WorkerFleet fleet, RunObserver observer, RunSecrets secrets, ObjectStore store, JmeterPlans plans,
                      EventRecorder events, RunSettings settings) {
        this.fleet = fleet;
        this.observer = observer;
        this.secrets = secrets;
        this.store = store;
        this.plans = plans;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public StepOutcome next(RunContext context) {
        RunPlan plan = context.plan();
        RunStatus run = context.run();
        byte[] secret = secrets.ensure(context.test(), plan.run());
        if (run.getLaunchedAt() == null) {
            try {
                writeScenario(context, secret);
            } catch (InvalidPlanException e) {
                return StepOutcome.fail("InvalidPlan", e.field() + ": " + e.getMessage());
            }
            plan.regions().forEach(region -> RunStatusFacts.region(run, region));
            run.setLaunchedAt(context.now().toString());
            events.normal(context.test(), "Launching", "launching " + plan.desiredWorkers() + " workers in " + plan.regions().size()
                    + " region(s), run " + run.getId());
        }
        RunObservation observed = observer.observe(plan);
        RunStatusFacts.counts(run, observed, plan);
        Optional<WorkerInstance> failed = observed.workers().stream().filter(w -> w.state() == WorkerState.FAILED).findFirst();
        if (failed.isPresent()) {
            return StepOutcome.fail("WorkerFailed", "worker " + failed.get().workerId() + " failed before the start: " + failed.get().message());
        }
        List<String> notReady = new ArrayList<>();
        List<String> launchProblems = new ArrayList<>();
        try {
            for (RegionPlan region : plan.regions()) {
                if (observed.leader(region.region()).isPresent()) {
                    continue; // this region's workers were all listening when its leader was launched
                }
                List<WorkerInstance> workers = observed.workers(region.region());
                if (workers.size() < region.workerIds().size()) {
                    LaunchProgress progress = fleet.launchWorkers(plan, region, secret);
                    if (!progress.complete()) {
                        launchProblems.add(region.region() + ": launched " + progress.launched() + " of " + progress.desired()
                                + (progress.problems().isEmpty() ? "" : " (" + String.join("; ", progress.problems()) + ")"));
                    }
                    notReady.addAll(RunStatusFacts.notReady(region, workers));
                    continue;
                }
                List<String> addresses = workers.stream().filter(w -> w.state() == WorkerState.READY).map(WorkerInstance::address).toList();
                if (addresses.size() < region.workerIds().size()) {
                    notReady.addAll(RunStatusFacts.notReady(region, workers));
                    continue;
                }
                LaunchProgress leader = fleet.launchLeader(plan, region, secret, addresses);
                if (leader.complete()) {
                    events.normal(context.test(), "WorkersReady", "all " + addresses.size() + " workers of region " + region.region()
                            + " listen; launched its leader");
                } else {
                    launchProblems.add(region.region() + " leader: " + String.join("; ", leader.problems()));
                    notReady.add(region.region() + "/leader (not launched)");
                }
            }
        } catch (LaunchFailedException e) {
            return StepOutcome.fail("LaunchFailed", e.getMessage());
        }
        return decide(context, notReady, launchProblems);
    }

    private StepOutcome decide(RunContext context, List<String> notReady, List<String> launchProblems) {
        RunPlan plan = context.plan();
        RunStatus run = context.run();
        if (notReady.isEmpty()) {
            return new StepOutcome.Advance(Phase.Starting, "all " + plan.desiredWorkers() + " workers ready; leaders starting them", null);
        }
        Instant launchedAt = Instant.parse(run.getLaunchedAt());
        if (!launchProblems.isEmpty() && context.now().isAfter(launchedAt.plus(settings.launchDeadline()))) {
            return StepOutcome.fail("LaunchFailed", "could not launch every worker within " + settings.launchDeadline() + ": "
                    + String.join("; ", launchProblems));
        }
        if (context.now().isAfter(launchedAt.plus(settings.launchTimeout()))) {
            return StepOutcome.fail("WorkersNotReady", notReady.size() + " of " + plan.desiredWorkers() + " workers not ready "
                    + settings.launchTimeout() + " after launch: " + notReady.stream().limit(10).toList());
        }
        int ready = run.getWorkers().getReady() == null ? 0 : run.getWorkers().getReady();
        return StepOutcome.stay(ready + " of " + plan.desiredWorkers() + " workers ready"
                + (launchProblems.isEmpty() ? "" : "; launching: " + String.join("; ", launchProblems)));
    }

    private void writeScenario(RunContext context, byte[] secret) throws InvalidPlanException {
        RunPlan plan = context.plan();
        // a missing Secret or key stops the launch here, before any worker exists
        byte[] scenario = SealedRequestValues.seal(plan.scenario().toJson(), secrets.requestValues(context.test()), secret);
        var jmeterSpec = context.test().getSpec().getScenario().getJmeter();
        Optional<JmeterPlan> jmeter = jmeterSpec == null ? Optional.empty()
                : Optional.of(plans.load(context.test().getMetadata().getNamespace(), jmeterSpec));
        for (RegionPlan region : plan.regions()) {
            String scenarioKey = plan.keys(region).scenario();
            String folder = scenarioKey.substring(0, scenarioKey.lastIndexOf('/') + 1);
            jmeter.ifPresent(j -> store.put(region.bucket(), folder + j.fileName(), j.content(), "application/octet-stream"));
            store.put(region.bucket(), scenarioKey, scenario, "application/json");
        }
    }
}
