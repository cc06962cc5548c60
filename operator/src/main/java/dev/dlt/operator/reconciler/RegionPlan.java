package dev.dlt.operator.reconciler;

import dev.dlt.backend.TestRegionSettings;
import java.util.List;

/**
 * The workers of one region: one backend, one leader, one scenario file and results prefix.
 *
 * @param testRegion the TestRegion's settings for ECS regions; null for EKS
 */
public record RegionPlan(String region, String backend, List<String> workerIds, TestRegionSettings testRegion) {

    public static final String EKS_REGION = "eks";

    public RegionPlan {
        workerIds = List.copyOf(workerIds);
    }
}
