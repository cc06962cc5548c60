package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A RunTask request checked as ECS checks it where DLT depends on it: at most 10 tasks, an existing
 * cluster and task definition, Fargate with an awsvpc network configuration, a valid
 * {@code startedBy}, at most 8192 characters of overrides naming the task definition's container, and a
 * task size override (cpu with memory) that Fargate runs.
 */
record RunTaskValidation(int count, String clusterArn, RegisteredTaskDefinition definition, String subnet,
                         Map<String, String> overrideEnvironment) {

    static final int MAX_COUNT = 10;
    static final int MAX_OVERRIDES = 8192;
    static final int MAX_STARTED_BY = 36;

    static RunTaskValidation check(EcsRegistry registry, String region, JsonNode request) {
        int count = request.path("count").asInt(1);
        if (count < 1 || count > MAX_COUNT) {
            throw EcsError.invalidParameter("Count must be between 1 and " + MAX_COUNT + ", was " + count + ".");
        }
        String clusterArn = registry.cluster(region, request);
        RegisteredTaskDefinition definition = registry.definition(region, EcsJson.text(request, "taskDefinition"))
                .orElseThrow(() -> EcsError.client("TaskDefinition not found."));
        if (!fargateRequested(request)) {
            throw EcsError.invalidParameter("The ECS emulator runs launch type FARGATE only.");
        }
        if (!definition.fargate()) {
            throw EcsError.client("Task definition " + definition.familyRevision() + " does not support launch type FARGATE"
                    + " (it needs requiresCompatibilities FARGATE and networkMode awsvpc).");
        }
        JsonNode subnets = request.path("networkConfiguration").path("awsvpcConfiguration").path("subnets");
        if (subnets.isEmpty()) {
            throw EcsError.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        String startedBy = EcsJson.text(request, "startedBy");
        if (startedBy != null && (startedBy.length() > MAX_STARTED_BY || !startedBy.matches("[A-Za-z0-9_/-]+"))) {
            throw EcsError.invalidParameter("startedBy must be up to " + MAX_STARTED_BY
                    + " letters, numbers, hyphens, forward slashes and underscores.");
        }
        return new RunTaskValidation(count, clusterArn, definition, subnets.get(0).asText(), overrides(request, definition));
    }

    private static boolean fargateRequested(JsonNode request) {
        String launchType = EcsJson.text(request, "launchType");
        if (launchType != null) {
            return "FARGATE".equals(launchType);
        }
        for (JsonNode strategy : request.path("capacityProviderStrategy")) {
            if (strategy.path("capacityProvider").asText().startsWith("FARGATE")) {
                return true;
            }
        }
        return false;
    }

    /** Fargate's task sizes, from AWS' table: per CPU (units) the lowest and highest memory (MiB) and the step. */
    private static void taskSize(JsonNode overrides) {
        String cpu = EcsJson.text(overrides, "cpu");
        String memory = EcsJson.text(overrides, "memory");
        if (cpu == null && memory == null) {
            return;
        }
        int[] range = switch (cpu == null ? "" : cpu) {
            case "256" -> new int[] {512, 2048, 512};
            case "512" -> new int[] {1024, 4096, 1024};
            case "1024" -> new int[] {2048, 8192, 1024};
            case "2048" -> new int[] {4096, 16384, 1024};
            case "4096" -> new int[] {8192, 30720, 1024};
            case "8192" -> new int[] {16384, 61440, 4096};
            case "16384" -> new int[] {32768, 122880, 8192};
            default -> null;
        };
        int mib = memory != null && memory.matches("[0-9]{1,9}") ? Integer.parseInt(memory) : -1;
        boolean valid = range != null && mib >= range[0] && mib <= range[1] && (mib - range[0]) % range[2] == 0
                && !(cpu.equals("256") && mib == 1536);
        if (!valid) {
            throw EcsError.client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory + " memory.");
        }
    }

    private static Map<String, String> overrides(JsonNode request, RegisteredTaskDefinition definition) {
        JsonNode overrides = request.get("overrides");
        Map<String, String> env = new HashMap<>();
        if (overrides == null || overrides.isNull()) {
            return env;
        }
        taskSize(overrides);
        int length = overrides.toString().length();
        if (length > MAX_OVERRIDES) {
            throw EcsError.invalidParameter("Container Overrides length must be at most " + MAX_OVERRIDES + ", was " + length + ".");
        }
        for (JsonNode container : overrides.path("containerOverrides")) {
            String name = container.path("name").asText();
            if (!name.equals(definition.spec().containerName())) {
                throw EcsError.invalidParameter("Override for container named " + name + " is not a container in the TaskDefinition.");
            }
            container.path("environment").forEach(pair -> env.put(pair.path("name").asText(), pair.path("value").asText()));
        }
        return env;
    }
}
