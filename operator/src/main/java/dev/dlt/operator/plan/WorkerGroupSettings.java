package dev.dlt.operator.plan;

import dev.dlt.backend.WorkerSettings;
import dev.dlt.operator.api.WorkerGroupSpec;
import java.util.Objects;

/** Turns a validated worker group's own settings into what backends read. */
final class WorkerGroupSettings {

    private WorkerGroupSettings() {
    }

    static WorkerSettings of(WorkerGroupSpec group) {
        var resources = group.getResources();
        return new WorkerSettings(resources == null ? null : resources.getCpu(), resources == null ? null : resources.getMemory(),
                group.getNodeSelector(),
                group.getTolerations() == null ? null : group.getTolerations().stream().filter(Objects::nonNull)
                        .map(t -> new WorkerSettings.Toleration(t.getKey(), t.getOperator(), t.getValue(), t.getEffect(), t.getTolerationSeconds()))
                        .toList(),
                group.getLabels(), group.getAnnotations(), group.getServiceAccountName());
    }
}
