package dev.dlt.operator.run;

import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workers and leaders of a run, per region, as the backends saw them at one instant. */
public record RunObservation(Map<String, List<WorkerInstance>> byRegion, Instant at) {

    public RunObservation {
        byRegion = Map.copyOf(byRegion);
    }

    public List<WorkerInstance> workers() {
        return byRegion.values().stream().flatMap(List::stream).filter(w -> w.role() == WorkerRole.WORKER).toList();
    }

    public List<WorkerInstance> workers(String region) {
        return byRegion.getOrDefault(region, List.of()).stream().filter(w -> w.role() == WorkerRole.WORKER).toList();
    }

    public Optional<WorkerInstance> leader(String region) {
        return byRegion.getOrDefault(region, List.of()).stream().filter(w -> w.role() == WorkerRole.LEADER).findFirst();
    }
}
