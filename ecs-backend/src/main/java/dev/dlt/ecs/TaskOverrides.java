package dev.dlt.ecs;

import dev.dlt.backend.FargateSizes;
import dev.dlt.backend.WorkerSettings;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * The RunTask overrides carrying an agent's environment, within the ECS limit of 8192 characters
 * for the overrides' JSON; over the limit it fails with the biggest variables named.
 */
final class TaskOverrides {

    static final int MAX_CHARACTERS = 8192;

    private TaskOverrides() {
    }

    static TaskOverride forContainer(String region, String containerName, Map<String, String> env) {
        Map<String, String> sorted = new TreeMap<>(env);
        int length = jsonLength(containerName, sorted);
        if (length > MAX_CHARACTERS) {
            String biggest = sorted.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                    .limit(3).map(e -> e.getKey() + " (" + e.getValue().length() + ")").collect(Collectors.joining(", "));
            throw new EcsLaunchException(region, "the environment of container '" + containerName + "' takes " + length
                    + " characters of RunTask overrides, ECS allows " + MAX_CHARACTERS + "; biggest variables: " + biggest
                    + ". Move large settings into the task definition or S3.");
        }
        ContainerOverride container = ContainerOverride.builder().name(containerName)
                .environment(sorted.entrySet().stream().map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build())
                        .toList())
                .build();
        return TaskOverride.builder().containerOverrides(container).build();
    }

    /**
     * The overrides with the task size a LoadTest asked for (CPU units and MiB, a Fargate pair the
     * operator validated); unchanged when it asked for none, so the task definition's size applies.
     */
    static TaskOverride sized(TaskOverride overrides, WorkerSettings workers) {
        if (workers.cpu() == null || workers.memory() == null) {
            return overrides;
        }
        return overrides.toBuilder().cpu(Long.toString(FargateSizes.cpuUnits(workers.cpu())))
                .memory(Long.toString(FargateSizes.memoryMib(workers.memory()))).build();
    }

    /** The length of {@code {"containerOverrides":[{"name":..,"environment":[{"name":..,"value":..},..]}]}}. */
    static int jsonLength(String containerName, Map<String, String> env) {
        StringBuilder json = new StringBuilder("{\"containerOverrides\":[{\"name\":");
        quote(json, containerName).append(",\"environment\":[");
        boolean first = true;
        for (Map.Entry<String, String> e : env.entrySet()) {
            json.append(first ? "" : ",").append("{\"name\":");
            quote(json, e.getKey()).append(",\"value\":");
            quote(json, e.getValue()).append('}');
            first = false;
        }
        return json.append("]}]}").length();
    }

    private static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
