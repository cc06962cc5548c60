package dev.dlt.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets standard Kubernetes conditions on a status: a condition whose status does not change keeps
 * its {@code lastTransitionTime}, so that status only changes when something did.
 */
public final class Conditions {

    public static final String VALID = "Valid";
    public static final String WORKERS_READY = "WorkersReady";
    public static final String STARTED = "Started";
    public static final String COMPLETED = "Completed";
    public static final String BLOCKED = "Blocked";
    public static final String PARTIAL_RESULTS = "PartialResults";
    public static final String SUSPECT_WORKERS = "SuspectWorkers";
    public static final String RECORDED = "Recorded";
    public static final String PASSED = "Passed";

    private Conditions() {
    }

    public static List<Condition> set(List<Condition> conditions, String type, boolean value, String reason, String message,
                                      long generation, Instant now) {
        return set(conditions, type, value ? "True" : "False", reason, message, generation, now);
    }

    /** Sets a condition to True, False or Unknown. */
    public static List<Condition> set(List<Condition> conditions, String type, String status, String reason, String message,
                                      long generation, Instant now) {
        List<Condition> result = new ArrayList<>(conditions == null ? List.of() : conditions);
        Condition existing = result.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
        String transition = existing != null && status.equals(existing.getStatus()) && existing.getLastTransitionTime() != null
                ? existing.getLastTransitionTime() : now.toString();
        Condition updated = new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message == null ? "" : message).withObservedGeneration(generation)
                .withLastTransitionTime(transition).build();
        if (existing == null) {
            result.add(updated);
        } else {
            result.set(result.indexOf(existing), updated);
        }
        return result;
    }

    /** The condition of that type, if set. */
    public static java.util.Optional<Condition> get(List<Condition> conditions, String type) {
        return conditions == null ? java.util.Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** True when the condition of that type is set and True. */
    public static boolean isTrue(List<Condition> conditions, String type) {
        return get(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static List<Condition> remove(List<Condition> conditions, String... types) {
        List<Condition> result = new ArrayList<>(conditions == null ? List.of() : conditions);
        result.removeIf(c -> List.of(types).contains(c.getType()));
        return result;
    }
}
