package dev.dlt.operator.region;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.operator.api.TestRegion;
import dev.dlt.operator.api.TestRegionSpec;

/** Turns a TestRegion resource into the settings the ECS backend works with. */
public final class TestRegionSettingsMapper {

    private TestRegionSettingsMapper() {
    }

    public static TestRegionSettings settings(TestRegion region, String defaultBucket) {
        TestRegionSpec spec = region.getSpec();
        return new TestRegionSettings(region.getMetadata().getName(), spec.getRegion(), spec.getCluster(), spec.getTaskDefinition(),
                spec.getContainerName(), spec.getSubnets(), spec.getSecurityGroups(), Boolean.TRUE.equals(spec.getAssignPublicIp()),
                spec.getBucket() == null || spec.getBucket().isBlank() ? defaultBucket : spec.getBucket(), spec.getLogGroup());
    }
}
