package dev.dlt.operator.plan;

import dev.dlt.backend.RunRef;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.scenario.TaurusConfig;
import java.time.Duration;
import java.util.List;

/** Everything a run launches, derived from the spec: regions with their workers, and the scenario. */
public record RunPlan(RunRef run, List<RegionPlan> regions, TaurusConfig scenario, String engine, Duration loadDuration) {

    public RunPlan {
        regions = List.copyOf(regions);
    }

    public int desiredWorkers() {
        return regions.stream().mapToInt(r -> r.workerIds().size()).sum();
    }

    public ResultKeys keys(RegionPlan region) {
        return new ResultKeys(run.testId(), run.runId(), region.region());
    }
}
