package dev.dlt.operator.run;

import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.api.RegionRunStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.WorkerCounts;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The facts of a run the steps record in {@code status.run}: per-region entries and worker counts. */
final class RunStatusFacts {

    private RunStatusFacts() {
    }

    static RegionRunStatus region(RunStatus run, RegionPlan region) {
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

    static void counts(RunStatus run, RunObservation observed, RunPlan plan) {
        run.setWorkers(counts(plan.desiredWorkers(), observed.workers(), run.getWorkers()));
        for (RegionPlan region : plan.regions()) {
            RegionRunStatus status = region(run, region);
            status.setWorkers(counts(region.workerIds().size(), observed.workers(region.region()), status.getWorkers()));
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

    /** The workers of a region that do not listen yet, each with its state, for the timeout message. */
    static List<String> notReady(RegionPlan region, List<WorkerInstance> workers) {
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
            Optional<WorkerInstance> worker = workers.stream().filter(w -> id.equals(w.workerId())).findFirst();
            if (worker.isEmpty() || worker.get().state() != WorkerState.READY) {
                result.add(region.region() + "/" + id + worker.map(RunStatusFacts::describe).orElse(" (not launched)"));
            }
        }
        return result;
    }

    private static String describe(WorkerInstance w) {
        return " (" + w.state() + (w.message() == null ? "" : ": " + w.message()) + ")";
    }
}
