package dev.dlt.operator.plan;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerSettings;
import java.util.List;

/**
 * The workers of one region: one backend, one leader, one bucket, one scenario file and results
 * prefix.
 *
 * @param workerIds  the workers' ids; for backends whose workers learn their id at run time (ECS
 *                   tasks started ten per call name themselves after their task id), placeholders
 *                   that only give the count
 * @param testRegion the TestRegion's settings for ECS regions; null for EKS
 * @param idsLearned true when workers are known by the ids they report rather than the planned ones
 * @param workers    the worker group's own settings
 */
public record RegionPlan(String region, String backend, List<String> workerIds, String bucket, TestRegionSettings testRegion,
                         boolean idsLearned, WorkerSettings workers) {

    /** The region of workers that run in this cluster (no TestRegion). */
    public static final String CLUSTER_REGION = "eks";

    public RegionPlan {
        workerIds = List.copyOf(workerIds);
        workers = workers == null ? WorkerSettings.DEFAULTS : workers;
    }

    /** A region with the operator-wide worker settings. */
    public RegionPlan(String region, String backend, List<String> workerIds, String bucket, TestRegionSettings testRegion,
                      boolean idsLearned) {
        this(region, backend, workerIds, bucket, testRegion, idsLearned, WorkerSettings.DEFAULTS);
    }
}
