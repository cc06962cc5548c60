package dev.dlt.operator.run;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.operator.backend.WorkerBackends;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.plan.WorkerEnvironment;
import dev.dlt.operator.backend.eks.WorkerPods;
import java.util.List;

/** The containers of a run in every region, through their backends: launch, look, stop. */
public class WorkerFleet {

    private final WorkerBackends backends;
    private final RunSettings settings;

    public WorkerFleet(WorkerBackends backends, RunSettings settings) {
        this.backends = backends;
        this.settings = settings;
    }

    public LaunchProgress launchWorkers(RunPlan plan, RegionPlan region, byte[] secret) {
        return backends.get(region.backend()).launchWorkers(request(plan, region, secret));
    }

    public LaunchProgress launchLeader(RunPlan plan, RegionPlan region, byte[] secret, List<String> workerAddresses) {
        return backends.get(region.backend()).launchLeader(request(plan, region, secret), workerAddresses);
    }

    public List<WorkerInstance> observe(RunPlan plan, RegionPlan region) {
        return backends.get(region.backend()).observe(plan.run(), request(plan, region, null));
    }

    /** Stops every region, even when one fails; the first failure is then thrown so that the stop is retried. */
    public void stop(RunPlan plan) {
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

    private LaunchRequest request(RunPlan plan, RegionPlan region, byte[] secret) {
        return WorkerEnvironment.request(plan, region, settings, secret, WorkerPods.secretName(plan.run()));
    }
}
