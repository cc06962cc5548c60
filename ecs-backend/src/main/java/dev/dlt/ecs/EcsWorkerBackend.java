package dev.dlt.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerBackend;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.ecs.address.AddressPublisher;
import dev.dlt.ecs.client.EcsApi;
import dev.dlt.ecs.client.EcsClients;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerEnv;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Workers as ECS Fargate tasks in the cluster of a TestRegion. Tasks are found again by their
 * {@code startedBy} (derived from run and region), so every call is idempotent. RunTask gives all
 * tasks of a call the same overrides, so a worker carries no id of its own: its id is its task id,
 * which the agent reads from the task metadata endpoint and under which it uploads its results.
 * No call waits: a launch makes one attempt per missing batch and reports what is still missing and why.
 */
public final class EcsWorkerBackend implements WorkerBackend {

    public static final String TYPE = "ecs-fargate";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcsClients clients;
    private final AddressPublisher addresses;
    private final EcsBackendSettings settings;
    private final TaskLaunches launches;
    private final HealthChecks healthChecks = new HealthChecks();

    public EcsWorkerBackend(EcsClients clients, AddressPublisher addresses, EcsBackendSettings settings) {
        this.clients = clients;
        this.addresses = addresses;
        this.settings = settings;
        this.launches = new TaskLaunches(settings);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public LaunchProgress launchWorkers(LaunchRequest request) {
        TestRegionSettings region = testRegion(request);
        return launches.ensure(clients.forRegion(region.region()), request.region(), region, TaskIdentity.of(request.run(), request.region()),
                WorkerRole.WORKER, request.workerIds().size(),
                () -> TaskOverrides.sized(TaskOverrides.forContainer(request.region(), region.containerName(),
                        env(request, WorkerRole.WORKER, Map.of())), request.workers()));
    }

    @Override
    public LaunchProgress launchLeader(LaunchRequest request, List<String> workerAddresses) {
        TestRegionSettings region = testRegion(request);
        String key = new ResultKeys(request.run().testId(), request.run().runId(), request.region()).workerAddresses();
        return launches.ensure(clients.forRegion(region.region()), request.region(), region, TaskIdentity.of(request.run(), request.region()),
                WorkerRole.LEADER, 1, () -> {
                    var overrides = TaskOverrides.forContainer(request.region(), region.containerName(), env(request, WorkerRole.LEADER,
                            Map.of(WorkerEnv.WORKER_ID, TaskStates.LEADER_ID, WorkerEnv.WORKER_ADDRESSES_KEY, key)));
                    overrides = TaskOverrides.sized(overrides, request.workers());
                    addresses.publish(bucket(request, region), key, json(workerAddresses));
                    return overrides;
                });
    }

    @Override
    public String service() {
        return "ECS";
    }

    @Override
    public boolean workersNameThemselves() {
        return true;
    }

    @Override
    public List<WorkerInstance> observe(RunRef run, LaunchRequest request) {
        TestRegionSettings region = testRegion(request);
        EcsApi api = clients.forRegion(region.region());
        List<Task> tasks = tasks(api, region, TaskIdentity.of(run, request.region())).all();
        Map<String, Boolean> healthChecked = new HashMap<>(); // one DescribeTaskDefinition per definition, even when it fails
        return tasks.stream().map(t -> TaskStates.instance(t, region.containerName(), healthChecked.computeIfAbsent(
                t.taskDefinitionArn(), arn -> healthChecks.has(api, arn, region.containerName())), startPort(request))).toList();
    }

    @Override
    public void stop(RunRef run, LaunchRequest request) {
        TestRegionSettings region = testRegion(request);
        EcsApi api = clients.forRegion(region.region());
        TaskIdentity identity = TaskIdentity.of(run, request.region());
        launches.forget(identity);
        List<String> active = tasks(api, region, identity).active();
        List<String> failures = TaskStopper.stopAll(api, region.cluster(), active, "DLT run " + run.runId() + " stopped");
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not stop " + failures.size() + " of " + active.size() + " tasks of run "
                    + run.runId() + " in " + request.region() + ": " + failures.stream().limit(5).toList());
        }
    }

    private static RunTasks tasks(EcsApi api, TestRegionSettings region, TaskIdentity identity) {
        return new RunTasks(api, region.cluster(), identity.startedBy());
    }

    private static byte[] json(List<String> workerAddresses) {
        try {
            return JSON.writeValueAsBytes(workerAddresses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private static Map<String, String> env(LaunchRequest request, WorkerRole role, Map<String, String> extra) {
        if (request.runSecret() == null) {
            throw new IllegalArgumentException("launching in " + request.region() + " needs the run secret");
        }
        Map<String, String> env = new HashMap<>(request.env());
        env.remove(WorkerEnv.WORKER_ID); // one RunTask call gives all its tasks the same env: workers take their task id
        env.put(WorkerEnv.ROLE, role == WorkerRole.LEADER ? "leader" : "worker");
        env.put(WorkerEnv.RUN_SECRET, Base64.getEncoder().encodeToString(request.runSecret()));
        env.putAll(extra);
        return env;
    }

    private int startPort(LaunchRequest request) {
        String port = request.env().get(WorkerEnv.START_PORT);
        return port == null || port.isBlank() ? settings.startPort() : Integer.parseInt(port);
    }

    private static String bucket(LaunchRequest request, TestRegionSettings region) {
        String bucket = region.bucket() != null && !region.bucket().isBlank() ? region.bucket() : request.env().get(WorkerEnv.BUCKET);
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("TestRegion " + request.region() + " names no S3 bucket for the worker address list");
        }
        return bucket;
    }

    private static TestRegionSettings testRegion(LaunchRequest request) {
        if (request.testRegion() == null) {
            throw new IllegalArgumentException("backend " + TYPE + " needs a TestRegion for region " + request.region());
        }
        return request.testRegion();
    }
}
