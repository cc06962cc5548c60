package dev.dlt.backend;

import java.util.List;
import java.util.Map;

/**
 * A LoadTest's own settings for the workers of one region; each absent (null or empty) value leaves
 * the operator-wide default in place.
 *
 * @param cpu                a Kubernetes CPU quantity, e.g. {@code 1} or {@code 500m} (ECS: the task size)
 * @param memory             a Kubernetes memory quantity, e.g. {@code 2Gi} (ECS: the task size)
 * @param nodeSelector       EKS only
 * @param tolerations        EKS only
 * @param labels             EKS only: added to the operator's own labels, which they never replace
 * @param annotations        EKS only
 * @param serviceAccountName EKS only
 */
public record WorkerSettings(String cpu, String memory, Map<String, String> nodeSelector, List<Toleration> tolerations,
                             Map<String, String> labels, Map<String, String> annotations, String serviceAccountName) {

    /** No per-test settings: every default applies. */
    public static final WorkerSettings DEFAULTS = new WorkerSettings(null, null, Map.of(), List.of(), Map.of(), Map.of(), null);

    public WorkerSettings {
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
        tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** A Kubernetes toleration, as the pod spec has it. */
    public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
    }
}
