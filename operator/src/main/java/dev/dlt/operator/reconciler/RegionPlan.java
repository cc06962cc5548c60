package dev.dlt.operator.reconciler;

import dev.dlt.backend.TestRegionSettings;
import java.util.List;

/**
 * The workers of one region: one backend, one leader, one bucket, one scenario file and results
 * prefix.
 *
 * @param workerIds  the workers' ids; for backends whose workers learn their id at run time (ECS
 *                   tasks started ten per call name themselves after their task id), placeholders
 *                   that only give the count
 * @param testRegion the TestRegion's settings for ECS regions; null for EKS
 */
public record RegionPlan(String region, String backend, List<String> workerIds, String bucket, TestRegionSettings testRegion) {

    public static final String EKS_REGION = "eks";

    public RegionPlan {
        workerIds = List.copyOf(workerIds);
    }

    /** True when workers are known by the ids they report rather than the planned ones. */
    public boolean idsLearned() {
        return testRegion != null;
    }
}
