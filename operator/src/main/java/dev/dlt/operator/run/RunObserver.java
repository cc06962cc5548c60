package dev.dlt.operator.run;

import dev.dlt.backend.WorkerInstance;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what the backends report (pods from the informer cache, ECS tasks) into one immutable observation. */
public class RunObserver {

    private final WorkerFleet fleet;
    private final Clock clock;

    public RunObserver(WorkerFleet fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    public RunObservation observe(RunPlan plan) {
        Map<String, List<WorkerInstance>> byRegion = new LinkedHashMap<>();
        for (RegionPlan region : plan.regions()) {
            byRegion.put(region.region(), fleet.observe(plan, region));
        }
        return new RunObservation(byRegion, clock.instant());
    }
}
