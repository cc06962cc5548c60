package dev.dlt.ecs;

import dev.dlt.ecs.client.EcsApi;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;

/**
 * Whether the agent container of a task definition has a health check, remembered per task
 * definition ARN (revisions are immutable). With one, a task is ready when ECS reports the container
 * HEALTHY; without, RUNNING has to do.
 */
final class HealthChecks {

    private static final System.Logger LOG = System.getLogger(HealthChecks.class.getName());

    private final Map<String, Boolean> byTaskDefinition = new ConcurrentHashMap<>();

    boolean has(EcsApi api, String taskDefinitionArn, String containerName) {
        String key = taskDefinitionArn + "#" + containerName;
        Boolean known = byTaskDefinition.get(key);
        if (known != null) {
            return known;
        }
        try {
            boolean has = api.describeTaskDefinition(DescribeTaskDefinitionRequest.builder().taskDefinition(taskDefinitionArn).build())
                    .taskDefinition().containerDefinitions().stream()
                    .filter(c -> c.name().equals(containerName)).findFirst()
                    .map(ContainerDefinition::healthCheck).isPresent();
            byTaskDefinition.put(key, has);
            return has;
        } catch (SdkException e) {
            // not cached: the next observation asks again; until then RUNNING counts (the leader retries connects anyway)
            LOG.log(System.Logger.Level.WARNING, "cannot describe task definition " + taskDefinitionArn + ": " + e.getMessage());
            return false;
        }
    }
}
