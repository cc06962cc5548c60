package dev.dlt.operator.reconciler;

import dev.dlt.backend.LaunchFailedException;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.RegionRunStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.WorkerCounts;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.InvalidPlanException;
import dev.dlt.operator.plan.JmeterPlan;
import dev.dlt.operator.plan.JmeterPlans;
import dev.dlt.operator.results.Collected;
import dev.dlt.operator.results.ResultCollector;
import dev.dlt.operator.results.RunSummarizer;
import dev.dlt.operator.results.RunSummary;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.LeaderReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Moves an active run forward one step at a time, from what it observes (pods or tasks, S3), never
 * from which event fired: launch workers, launch each region's leader once its workers listen,
 * follow the run, collect and record the result, clean up. Each call mutates the status and says
 * when to look again.
 */
public class RunConductor {

    private static final Logger LOG = Logger.getLogger(RunConductor.class);

    private final RunPlanner planner;
    private final WorkerBackends backends;
    private final RunSecrets secrets;
    private final ObjectStore store;
    private final JmeterPlans plans;
    private final CoordinatedStartSignal startSignal;
    private final ResultCollector collector;
    private final RunSummarizer summarizer = new RunSummarizer();
    private final RunRecorder recorder;
    private final EventRecorder events;
    private final RunSettings settings;
    private final Clock clock;

    public RunConductor(RunPlanner planner, WorkerBackends backends, RunSecrets secrets, ObjectStore store, JmeterPlans plans,
                        RunRecorder recorder, EventRecorder events, RunSettings settings, Clock clock) {
        this.planner = planner;
        this.backends = backends;
        this.secrets = secrets;
        this.store = store;
        this.plans = plans;
        this.startSignal = new CoordinatedStartSignal(store, settings, clock);
        this.collector = new ResultCollector(store);
        this.recorder = recorder;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Moves the run one step; returns when to look again, or empty when the run has ended. */
    public Optional<Duration> advance(LoadTest test, LoadTestStatus status) {
        RunStatus run = status.getRun();
        RunPlan plan;
        try {
            plan = planner.plan(test, run.getId());
        } catch (TestRegions.UnusableTestRegion e) {
            Instant waitUntil = Instant.parse(run.getCreatedAt()).plus(settings.testRegionGrace());
            if (e.mayAppear() && clock.instant().isBefore(waitUntil)) {
                status.setMessage("waiting for " + e.getMessage());
                return Optional.of(settings.poll());
            }
            return end(test, status, null, Phase.Failed, "TestRegionNotUsable", e.getMessage());
        }
        return switch (Phase.of(status.getPhase())) {
            case Launching -> launching(test, status, plan);
            case Starting -> starting(test, status, plan);
            case Running -> running(test, status, plan);
            case Collecting -> collecting(test, status, plan);
            default -> Optional.empty();
        };
    }

    private Optional<Duration> launching(LoadTest test, LoadTestStatus status, RunPlan plan) {
        RunStatus run = status.getRun();
        Instant now = clock.instant();
        byte[] secret = secrets.ensure(test, plan.run());
        if (run.getLaunchedAt() == null) {
            Optional<JmeterPlan> jmeter;
            try {
                jmeter = test.getSpec().getScenario().getJmeter() == null ? Optional.empty()
                        : Optional.of(plans.load(test.getMetadata().getNamespace(), test.getSpec().getScenario().getJmeter()));
            } catch (InvalidPlanException e) {
                return end(test, status, plan, Phase.Failed, "InvalidPlan", e.field() + ": " + e.getMessage());
            }
            try {
                for (RegionPlan region : plan.regions()) {
                    String folder = plan.keys(region).scenario().substring(0, plan.keys(region).scenario().lastIndexOf('/') + 1);
                    jmeter.ifPresent(j -> store.put(region.bucket(), folder + j.fileName(), j.content(), "application/octet-stream"));
                    store.put(region.bucket(), plan.keys(region).scenario(), plan.scenario().toJson(), "application/json");
                    backends.get(region.backend()).launchWorkers(request(plan, region, secret));
                }
            } catch (LaunchFailedException e) {
                return end(test, status, plan, Phase.Failed, "LaunchFailed", e.getMessage());
            }
            plan.regions().forEach(region -> regionStatus(run, region));
            run.setLaunchedAt(now.toString());
            status.setMessage("launched " + plan.desiredWorkers() + " workers in " + plan.regions().size() + " region(s)");
            events.normal(test, "Launched", status.getMessage() + ", run " + run.getId());
            return Optional.of(settings.poll());
        }
        Observed observed = observe(plan, secret);
        updateCounts(run, observed, plan);
        Optional<WorkerInstance> failed = observed.workers().stream().filter(w -> w.state() == WorkerState.FAILED).findFirst();
        if (failed.isPresent()) {
            return end(test, status, plan, Phase.Failed, "WorkerFailed", "worker " + failed.get().workerId() + " failed before the start: "
                    + failed.get().message());
        }
        List<String> notReady = new ArrayList<>();
        for (RegionPlan region : plan.regions()) {
            if (observed.leader(region.region()).isPresent()) {
                continue; // this region's workers were all listening when its leader was launched
            }
            List<WorkerInstance> workers = observed.workers(region.region());
            List<String> addresses = workers.stream().filter(w -> w.state() == WorkerState.READY).map(WorkerInstance::address).toList();
            if (addresses.size() == region.workerIds().size()) {
                try {
                    backends.get(region.backend()).launchLeader(request(plan, region, secret), addresses);
                } catch (LaunchFailedException e) {
                    return end(test, status, plan, Phase.Failed, "LaunchFailed", e.getMessage());
                }
                events.normal(test, "WorkersReady", "all " + addresses.size() + " workers of region " + region.region()
                        + " listen; launched its leader");
            } else {
                notReady.addAll(notReady(region, workers));
            }
        }
        if (notReady.isEmpty()) {
            status.setPhase(Phase.Starting.name());
            status.setMessage("all " + plan.desiredWorkers() + " workers ready; leaders starting them");
            status.setConditions(Conditions.set(status.getConditions(), Conditions.WORKERS_READY, true, "AllWorkersListening",
                    status.getMessage(), test.getMetadata().getGeneration(), now));
            return Optional.of(settings.poll());
        }
        Instant deadline = Instant.parse(run.getLaunchedAt()).plus(settings.launchTimeout());
        if (now.isAfter(deadline)) {
            return end(test, status, plan, Phase.Failed, "WorkersNotReady", notReady.size() + " of " + plan.desiredWorkers()
                    + " workers not ready " + settings.launchTimeout() + " after launch: " + notReady.stream().limit(10).toList());
        }
        status.setMessage(run.getWorkers().getReady() + " of " + plan.desiredWorkers() + " workers ready");
        return Optional.of(settings.poll());
    }

    private Optional<Duration> starting(LoadTest test, LoadTestStatus status, RunPlan plan) {
        Observed observed = observe(plan, null);
        updateCounts(status.getRun(), observed, plan);
        if (status.getRun().getStartedAt() == null) {
            startSignal.sendWhenAllLeadersReady(plan).ifPresent(startAt -> {
                status.getRun().setStartedAt(Instant.ofEpochMilli(startAt).toString());
                status.setMessage("every leader reached its workers; all start at " + status.getRun().getStartedAt());
            });
        }
        boolean allStarted = true;
        List<String> problems = new ArrayList<>();
        long startAt = Long.MAX_VALUE;
        for (RegionPlan region : plan.regions()) {
            Optional<WorkerInstance> leader = observed.leader(region.region());
            Optional<LeaderReport> report = collector.leaderReport(region.bucket(), plan.keys(region));
            regionStatus(status.getRun(), region).setLeader(report.map(LeaderReport::outcome).orElse(null));
            if (report.isPresent()) {
                LeaderReport r = report.get();
                if (LeaderReport.ABORTED.equals(r.outcome())) {
                    return end(test, status, plan, Phase.Failed, "StartAborted", "leader of " + region.region() + ": " + r.message());
                }
                if (!LeaderReport.STARTED.equals(r.outcome())) {
                    problems.add("leader of " + region.region() + ": " + r.message());
                }
                startAt = Math.min(startAt, r.startAtMs());
            } else if (leader.isPresent() && leader.get().state() == WorkerState.FAILED) {
                return end(test, status, plan, Phase.Failed, "LeaderFailed", "leader of " + region.region() + " failed: " + leader.get().message());
            } else {
                allStarted = false;
            }
        }
        Instant now = clock.instant();
        if (!allStarted) {
            Instant deadline = Instant.parse(status.getRun().getLaunchedAt()).plus(settings.launchTimeout()).plus(settings.reachTimeout());
            if (now.isAfter(deadline)) {
                return end(test, status, plan, Phase.Failed, "LeaderTimeout", "no leader report by " + deadline);
            }
            return Optional.of(settings.poll());
        }
        status.getRun().setStartedAt(Instant.ofEpochMilli(startAt).toString());
        status.setPhase(Phase.Running.name());
        status.setMessage(problems.isEmpty() ? "running until about " + Instant.ofEpochMilli(startAt).plus(plan.loadDuration())
                : String.join("; ", problems));
        status.setConditions(Conditions.set(status.getConditions(), Conditions.STARTED, problems.isEmpty(),
                problems.isEmpty() ? "AllWorkersStarted" : "PartialStart", status.getMessage(), test.getMetadata().getGeneration(), now));
        events.normal(test, "Started", "workers start at " + status.getRun().getStartedAt());
        return Optional.of(settings.poll());
    }

    private Optional<Duration> running(LoadTest test, LoadTestStatus status, RunPlan plan) {
        Observed observed = observe(plan, null);
        updateCounts(status.getRun(), observed, plan);
        Instant now = clock.instant();
        long done = observed.workers().stream().filter(w -> w.state().terminal()).count();
        long missing = plan.desiredWorkers() - observed.workers().size();
        Instant deadline = Instant.parse(status.getRun().getStartedAt()).plus(plan.loadDuration()).plus(settings.finishGrace());
        if (done + missing < plan.desiredWorkers() && now.isBefore(deadline)) {
            status.setMessage(done + " of " + plan.desiredWorkers() + " workers finished");
            return Optional.of(settings.poll());
        }
        if (done + missing < plan.desiredWorkers()) {
            // stopping makes each agent upload what it recorded before it exits
            stopWorkers(plan);
            events.warning(test, "Overdue", "workers still running at " + deadline + "; stopped them");
        }
        status.getRun().setFinishedAt(now.toString());
        status.setPhase(Phase.Collecting.name());
        status.setMessage("collecting results of " + plan.desiredWorkers() + " workers");
        return Optional.of(settings.poll());
    }

    private Optional<Duration> collecting(LoadTest test, LoadTestStatus status, RunPlan plan) {
        Collected collected = collector.collect(plan);
        Instant deadline = Instant.parse(status.getRun().getFinishedAt()).plus(settings.collectTimeout());
        if (!collected.allReported() && clock.instant().isBefore(deadline)) {
            status.setMessage(collected.reportedCount() + " of " + plan.desiredWorkers() + " workers reported");
            return Optional.of(settings.poll());
        }
        RunSummary summary = summarizer.summarize(status.getRun().getId(), collected);
        RunStatus run = status.getRun();
        run.getWorkers().setReported(summary.reported());
        run.getWorkers().setFailed(summary.failed());
        run.setStartSkewMs(summary.startSkewMs());
        if (summary.startedAtMs() > 0) {
            run.setFinishedAt(Instant.ofEpochMilli(summary.finishedAtMs()).toString());
        }
        status.setResult(summary.result());
        boolean startProblem = run.getRegions() != null && run.getRegions().stream()
                .anyMatch(r -> r.getLeader() != null && !LeaderReport.STARTED.equals(r.getLeader()));
        if (summary.allCompleted() && !startProblem) {
            var r = summary.result();
            return end(test, status, plan, Phase.Succeeded, "Completed", String.format(java.util.Locale.ROOT,
                    "%d requests, %.1f rps, p95 %.1f ms, %.2f%% errors, start skew %d ms",
                    r.getRequests(), r.getRps(), r.getP95Ms(), r.getErrorRate(), summary.startSkewMs()));
        }
        String why = summary.failed() + " of " + plan.desiredWorkers() + " workers did not complete"
                + (summary.problems() == null ? "" : ": " + summary.problems()) + (startProblem ? "; not every worker got the start signal" : "");
        return end(test, status, plan, Phase.Failed, "WorkersIncomplete", why);
    }

    /** Stops everything of the current run (spec changed, or the LoadTest is going away). */
    public void cancel(LoadTest test, LoadTestStatus status, String why) {
        RunStatus run = status.getRun();
        if (run == null || run.getId() == null) {
            return;
        }
        // the regions the run launched in, as recorded: the spec may have changed since
        RunRef ref = new RunRef(test.getMetadata().getNamespace(), test.getMetadata().getName(), test.getMetadata().getUid(), run.getId());
        List<RegionPlan> launched = new ArrayList<>();
        for (RegionRunStatus region : run.getRegions() == null ? List.<RegionRunStatus>of() : run.getRegions()) {
            try {
                launched.add(planner.region(ref.namespace(), region.getRegion(), region.getBackend()));
            } catch (TestRegions.UnusableTestRegion e) {
                LOG.warnf("cannot stop the workers of run %s in %s: %s", run.getId(), region.getRegion(), e.getMessage());
            }
        }
        stopWorkers(new RunPlan(ref, launched, null, null, Duration.ZERO));
        secrets.delete(ref);
        status.setPhase(Phase.Cancelled.name());
        status.setMessage(why);
    }

    private Optional<Duration> end(LoadTest test, LoadTestStatus status, RunPlan plan, Phase phase, String reason, String message) {
        Instant now = clock.instant();
        if (plan != null) {
            stopWorkers(plan);
            secrets.delete(plan.run());
        }
        RunStatus run = status.getRun();
        if (run.getFinishedAt() == null) {
            run.setFinishedAt(now.toString());
        }
        status.setPhase(phase.name());
        status.setMessage(message);
        status.setConditions(Conditions.set(status.getConditions(), Conditions.COMPLETED, phase == Phase.Succeeded, reason, message,
                test.getMetadata().getGeneration(), now));
        recorder.record(test, status);
        if (phase == Phase.Succeeded) {
            events.normal(test, reason, message);
        } else {
            events.warning(test, reason, message);
        }
        return Optional.empty();
    }

    /** Stops every region, even when one fails; the first failure is then thrown so the stop is retried. */
    private void stopWorkers(RunPlan plan) {
        RuntimeException first = null;
        for (RegionPlan region : plan.regions()) {
            try {
                backends.get(region.backend()).stop(plan.run(), request(plan, region, null));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Observed observe(RunPlan plan, byte[] secret) {
        Map<String, List<WorkerInstance>> byRegion = new java.util.LinkedHashMap<>();
        for (RegionPlan region : plan.regions()) {
            byRegion.put(region.region(), backends.get(region.backend()).observe(plan.run(), request(plan, region, secret)));
        }
        return new Observed(byRegion);
    }

    private static void updateCounts(RunStatus run, Observed observed, RunPlan plan) {
        List<WorkerInstance> workers = observed.workers();
        run.setWorkers(counts(plan.desiredWorkers(), workers, run.getWorkers()));
        for (RegionPlan region : plan.regions()) {
            regionStatus(run, region).setWorkers(counts(region.workerIds().size(), observed.workers(region.region()), null));
        }
    }

    private static WorkerCounts counts(int desired, List<WorkerInstance> workers, WorkerCounts previous) {
        WorkerCounts counts = new WorkerCounts();
        counts.setDesired(desired);
        counts.setLaunched(workers.size());
        counts.setReady((int) workers.stream().filter(w -> w.state() == WorkerState.READY).count());
        counts.setFailed((int) workers.stream().filter(w -> w.state() == WorkerState.FAILED).count());
        counts.setReported(previous == null ? null : previous.getReported());
        return counts;
    }

    static RegionRunStatus regionStatus(RunStatus run, RegionPlan region) {
        if (run.getRegions() == null) {
            run.setRegions(new ArrayList<>());
        }
        return run.getRegions().stream().filter(r -> region.region().equals(r.getRegion())).findFirst().orElseGet(() -> {
            RegionRunStatus created = new RegionRunStatus();
            created.setRegion(region.region());
            created.setBackend(region.backend());
            run.getRegions().add(created);
            return created;
        });
    }

    /** The workers of a region that do not listen yet, each with its state, for the timeout message. */
    private static List<String> notReady(RegionPlan region, List<WorkerInstance> workers) {
        List<String> result = new ArrayList<>();
        if (region.idsLearned()) {
            workers.stream().filter(w -> w.state() != WorkerState.READY)
                    .forEach(w -> result.add(region.region() + "/" + w.workerId() + describe(w)));
            for (int i = workers.size(); i < region.workerIds().size(); i++) {
                result.add(region.region() + "/worker " + (i + 1) + " (not launched)");
            }
            return result;
        }
        for (String id : region.workerIds()) {
            Optional<WorkerInstance> worker = workers.stream().filter(w -> w.workerId().equals(id)).findFirst();
            if (worker.isEmpty() || worker.get().state() != WorkerState.READY) {
                result.add(region.region() + "/" + id + worker.map(RunConductor::describe).orElse(" (not launched)"));
            }
        }
        return result;
    }

    private static String describe(WorkerInstance w) {
        return " (" + w.state() + (w.message() == null ? "" : ": " + w.message()) + ")";
    }

    LaunchRequest request(RunPlan plan, RegionPlan region, byte[] secret) {
        return new LaunchRequest(plan.run(), region.region(), region.workerIds(), WorkerEnvironment.of(plan, region, settings),
                secret, dev.dlt.operator.backend.eks.WorkerPods.secretName(plan.run()), region.testRegion());
    }

    /** What the backends report, workers and leaders, per region. */
    private record Observed(Map<String, List<WorkerInstance>> byRegion) {

        List<WorkerInstance> workers() {
            return byRegion.values().stream().flatMap(List::stream).filter(w -> w.role() == WorkerRole.WORKER).toList();
        }

        List<WorkerInstance> workers(String region) {
            return byRegion.getOrDefault(region, List.of()).stream().filter(w -> w.role() == WorkerRole.WORKER).toList();
        }

        Optional<WorkerInstance> leader(String region) {
            return byRegion.getOrDefault(region, List.of()).stream().filter(w -> w.role() == WorkerRole.LEADER).findFirst();
        }
    }
}
