package dev.dlt.backend;

import java.util.List;

/**
 * Launches and follows the containers of a run on one kind of infrastructure (EKS pods, ECS tasks).
 * Every call is idempotent: names and tags are deterministic, so calling launch again after a
 * restart adopts what exists instead of launching twice.
 */
public interface WorkerBackend {

    /** The spec value that selects this backend, e.g. {@code eks-fargate}. */
    String type();

    /**
     * Launches the workers of the request that do not exist yet, with one attempt per missing batch and
     * no waiting; returns how many exist now and why the others do not. Throws
     * {@link LaunchFailedException} only when calling again cannot help.
     */
    LaunchProgress launchWorkers(LaunchRequest request);

    /** Launches the region's leader (if it does not exist yet), which starts the given workers; as {@link #launchWorkers}. */
    LaunchProgress launchLeader(LaunchRequest request, List<String> workerAddresses);

    /**
     * True when this backend's workers name themselves at run time (ECS tasks started ten per call take
     * their task id), so results are found by listing rather than by the planned ids.
     */
    default boolean workersNameThemselves() {
        return false;
    }

    /** The service this backend calls, as named in status while it fails (e.g. {@code ECS}, {@code Kubernetes}). */
    String service();

    /** Every worker and leader of the run in this backend's region, as it is now. */
    List<WorkerInstance> observe(RunRef run, LaunchRequest request);

    /** Stops and removes everything of the run this backend launched for the request's region. */
    void stop(RunRef run, LaunchRequest request);
}
