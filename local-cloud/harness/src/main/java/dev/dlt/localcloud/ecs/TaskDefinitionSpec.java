package dev.dlt.localcloud.ecs;

import java.util.List;
import java.util.Map;

/**
 * A task definition to register with the {@link EcsEmulator}: one container running the worker
 * agent, with a base environment that every task's container overrides are laid over.
 *
 * @param healthCheck when true the emulator reports the container HEALTHY once its start gate accepts
 *                    connections, as the health check DLT documents for the task definition would
 * @param logGroup    the container's awslogs group, or null
 */
public record TaskDefinitionSpec(String family, String containerName, Map<String, String> environment, boolean healthCheck,
                                 List<String> requiresCompatibilities, String networkMode, String logGroup) {

    public TaskDefinitionSpec {
        environment = Map.copyOf(environment);
        requiresCompatibilities = List.copyOf(requiresCompatibilities);
    }

    /** A Fargate-compatible, awsvpc task definition, as DLT needs. */
    public static TaskDefinitionSpec fargate(String family, String containerName, Map<String, String> environment) {
        return new TaskDefinitionSpec(family, containerName, environment, false, List.of("FARGATE"), "awsvpc", null);
    }

    public TaskDefinitionSpec withHealthCheck() {
        return new TaskDefinitionSpec(family, containerName, environment, true, requiresCompatibilities, networkMode, logGroup);
    }

    public TaskDefinitionSpec withCompatibilities(List<String> compatibilities, String mode) {
        return new TaskDefinitionSpec(family, containerName, environment, healthCheck, compatibilities, mode, logGroup);
    }

    public TaskDefinitionSpec withLogGroup(String group) {
        return new TaskDefinitionSpec(family, containerName, environment, healthCheck, requiresCompatibilities, networkMode, group);
    }
}
