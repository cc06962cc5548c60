package dev.dlt.operator.backend;

import dev.dlt.operator.plan.TestRegions;

import dev.dlt.backend.WorkerBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worker backends this operator has, by the spec value that selects them. */
public final class WorkerBackends {

    private final Map<String, WorkerBackend> byType = new LinkedHashMap<>();

    public WorkerBackends(List<WorkerBackend> backends) {
        backends.forEach(b -> byType.put(b.type(), b));
    }

    public WorkerBackend get(String type) {
        WorkerBackend backend = byType.get(type);
        if (backend == null) {
            throw new TestRegions.UnusableTestRegion("backend " + type + " is not enabled in this operator (enabled: " + byType.keySet() + ")");
        }
        return backend;
    }
}
