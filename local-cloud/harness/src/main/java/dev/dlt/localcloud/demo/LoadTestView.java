package dev.dlt.localcloud.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/** Read access to a LoadTest's status through the generic client (the harness does not link the operator). */
public record LoadTestView(GenericKubernetesResource resource) {

    public Map<String, Object> status() {
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    public String phase() {
        return string(status().get("phase"));
    }

    public String message() {
        return string(status().get("message"));
    }

    public Map<String, Object> run() {
        return map(status().get("run"));
    }

    public Map<String, Object> result() {
        return map(status().get("result"));
    }

    /** The status condition of {@code type}, or an empty map while there is none. */
    public Map<String, Object> condition(String type) {
        return list(status().get("conditions")).stream().filter(c -> type.equals(c.get("type"))).findFirst().orElse(Map.of());
    }

    public boolean terminal() {
        return List.of("Succeeded", "Failed", "Cancelled").contains(phase());
    }

    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    public static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    public static String string(Object value) {
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
