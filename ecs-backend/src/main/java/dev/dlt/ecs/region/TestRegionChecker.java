package dev.dlt.ecs.region;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.ecs.client.EcsApi;
import dev.dlt.ecs.client.EcsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Checks that the ECS resources a TestRegion names exist and can run DLT workers: the cluster is
 * ACTIVE (DescribeClusters); the task definition is ACTIVE, Fargate-compatible, uses awsvpc and has
 * the named container (DescribeTaskDefinition), logging to the named log group when one is given.
 */
public final class TestRegionChecker {

    private final EcsClients clients;

    public TestRegionChecker(EcsClients clients) {
        this.clients = clients;
    }

    public TestRegionCheck check(TestRegionSettings region) {
        if (region.subnets().isEmpty()) {
            return TestRegionCheck.notReady("NoSubnets", "Fargate tasks need at least one subnet; the TestRegion lists none");
        }
        EcsApi api = clients.forRegion(region.region());
        try {
            Optional<TestRegionCheck> cluster = checkCluster(api, region);
            if (cluster.isPresent()) {
                return cluster.get();
            }
            return checkTaskDefinition(api, region);
        } catch (SdkException e) {
            return TestRegionCheck.notReady("EcsUnavailable", "cannot ask ECS in " + region.region() + ": " + e.getMessage());
        }
    }

    private static Optional<TestRegionCheck> checkCluster(EcsApi api, TestRegionSettings region) {
        DescribeClustersResponse response = api.describeClusters(DescribeClustersRequest.builder().clusters(region.cluster()).build());
        Optional<Cluster> cluster = response.clusters().stream().findFirst();
        if (cluster.isEmpty()) {
            String why = response.failures().stream().map(f -> f.reason()).findFirst().orElse("MISSING");
            return Optional.of(TestRegionCheck.notReady("ClusterNotFound", "ECS cluster " + region.cluster() + " not found in "
                    + region.region() + " (" + why + ")"));
        }
        if (!"ACTIVE".equals(cluster.get().status())) {
            return Optional.of(TestRegionCheck.notReady("ClusterNotActive", "ECS cluster " + region.cluster() + " in "
                    + region.region() + " is " + cluster.get().status() + ", not ACTIVE"));
        }
        return Optional.empty();
    }

    private static TestRegionCheck checkTaskDefinition(EcsApi api, TestRegionSettings region) {
        TaskDefinition definition;
        try {
            definition = api.describeTaskDefinition(DescribeTaskDefinitionRequest.builder()
                    .taskDefinition(region.taskDefinition()).build()).taskDefinition();
        } catch (ClientException e) {
            // ECS answers a missing task definition with a ClientException ("Unable to describe task definition.")
            return TestRegionCheck.notReady("TaskDefinitionNotFound", "task definition " + region.taskDefinition() + " not found in "
                    + region.region() + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()));
        }
        String name = definition.family() + ":" + definition.revision();
        List<String> problems = new ArrayList<>();
        if (!"ACTIVE".equals(definition.statusAsString())) {
            problems.add("is " + definition.statusAsString() + ", not ACTIVE");
        }
        if (!definition.requiresCompatibilities().contains(Compatibility.FARGATE)) {
            problems.add("does not require FARGATE compatibility (requiresCompatibilities: " + definition.requiresCompatibilitiesAsStrings() + ")");
        }
        if (definition.networkMode() != NetworkMode.AWSVPC) {
            problems.add("uses network mode " + definition.networkModeAsString() + ", Fargate needs awsvpc");
        }
        Optional<ContainerDefinition> container = definition.containerDefinitions().stream()
                .filter(c -> c.name().equals(region.containerName())).findFirst();
        if (container.isEmpty()) {
            problems.add("has no container named '" + region.containerName() + "' (containers: "
                    + definition.containerDefinitions().stream().map(ContainerDefinition::name).toList() + ")");
        } else if (region.logGroup() != null && !region.logGroup().isBlank()) {
            String group = container.get().logConfiguration() == null ? null
                    : container.get().logConfiguration().options().get("awslogs-group");
            if (!region.logGroup().equals(group)) {
                problems.add("logs container '" + region.containerName() + "' to " + (group == null ? "no awslogs group" : group)
                        + ", not to " + region.logGroup());
            }
        }
        if (!problems.isEmpty()) {
            return TestRegionCheck.notReady("TaskDefinitionNotUsable", "task definition " + name + " " + String.join("; ", problems));
        }
        boolean healthCheck = container.get().healthCheck() != null;
        return TestRegionCheck.ready("cluster " + region.cluster() + " is ACTIVE; task definition " + name + " runs container '"
                + region.containerName() + "' on Fargate" + (healthCheck ? " with a health check"
                : " without a health check (workers count as ready once RUNNING)"));
    }
}
