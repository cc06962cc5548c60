package dev.dlt.backend;

import java.util.List;

/** The ECS resources of one AWS region, as a TestRegion describes them. */
public record TestRegionSettings(String name, String region, String cluster, String taskDefinition, String containerName,
                                 List<String> subnets, List<String> securityGroups, boolean assignPublicIp,
                                 String bucket, String logGroup) {

    public TestRegionSettings {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }
}
