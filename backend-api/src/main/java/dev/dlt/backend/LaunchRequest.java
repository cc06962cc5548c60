package dev.dlt.backend;

import java.util.List;
import java.util.Map;

/**
 * What to launch in one region: the run, the region, which workers, and the environment
 * every worker gets (the backend adds role, worker id and the run secret in its own way).
 *
 * @param testRegion  for ECS: the TestRegion's settings; null for EKS
 * @param workerIds   ids of the workers of this region, in launch order
 * @param runSecret   the run's start-gate secret
 * @param secretName  the Kubernetes Secret holding the same secret (key {@code secret}), for backends
 *                    that can reference it instead of passing the value
 */
public record LaunchRequest(RunRef run, String region, List<String> workerIds, Map<String, String> env,
                            byte[] runSecret, String secretName, TestRegionSettings testRegion,
                            WorkerSettings workers) {

    public LaunchRequest {
        workerIds = List.copyOf(workerIds);
        env = Map.copyOf(env);
        workers = workers == null ? WorkerSettings.DEFAULTS : workers;
    }

    /** A request with the operator-wide worker settings only. */
    public LaunchRequest(RunRef run, String region, List<String> workerIds, Map<String, String> env, byte[] runSecret,
                         String secretName, TestRegionSettings testRegion) {
        this(run, region, workerIds, env, runSecret, secretName, testRegion, WorkerSettings.DEFAULTS);
    }
}
