package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dlt.localcloud.kube.LoopbackAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small ECS for the local cloud: answers the ECS JSON 1.1 protocol on 127.0.0.1 (RunTask,
 * DescribeTasks, ListTasks, StopTask, DescribeClusters, DescribeTaskDefinition) to the real AWS SDK
 * client with an endpoint override, and runs a worker agent per task on its own loopback address.
 * Requests of all regions share the endpoint; the region comes from the SigV4 credential scope
 * (signatures are not checked, but unsigned requests count as us-east-1). It also serves each task's
 * metadata endpoint v4.
 */
public final class EcsEmulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final EcsRegistry registry;
    private final EcsFaults faults = new EcsFaults();
    private final TaskOperations tasks;
    private final URI endpoint;

    private EcsEmulator(LoopbackAddresses addresses) throws IOException {
        ObjectMapper json = new ObjectMapper();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        registry = new EcsRegistry(json);
        tasks = new TaskOperations(json, registry, addresses, faults, endpoint + TaskMetadata.PATH);
        server.createContext("/", new EcsProtocol(json, registry, tasks));
        server.createContext(TaskMetadata.PATH, new TaskMetadata(json, tasks));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts the emulator on a free port of 127.0.0.1, giving tasks addresses from 127.0.120.2 on. */
    public static EcsEmulator start() throws IOException {
        return start(new LoopbackAddresses(120));
    }

    public static EcsEmulator start(LoopbackAddresses addresses) throws IOException {
        return new EcsEmulator(addresses);
    }

    /** Where ECS clients connect: {@code EcsClient.builder().endpointOverride(endpoint())}, any region, any signing credentials. */
    public URI endpoint() {
        return endpoint;
    }

    /** Creates an ACTIVE cluster; returns its ARN. */
    public String registerCluster(String region, String name) {
        return registry.registerCluster(region, name);
    }

    /** Registers the next revision of a task definition family; returns its ARN ({@code ...:task-definition/family:N}). */
    public String registerTaskDefinition(String region, TaskDefinitionSpec spec) {
        return registry.registerTaskDefinition(region, spec);
    }

    public EcsFaults faults() {
        return faults;
    }

    /** RunTask calls received in all regions, whatever their answer (throttled and rejected calls count too). */
    public int runTaskCalls() {
        return tasks.calls(null);
    }

    /** RunTask calls received for one region, whatever their answer. */
    public int runTaskCalls(String region) {
        return tasks.calls(region);
    }

    /** How many tasks each accepted RunTask call launched, in order. */
    public List<Integer> tasksLaunchedPerCall() {
        return tasks.launchedPerCall();
    }

    public int tasksLaunched() {
        return tasks.tasks().size();
    }

    /** Tasks not yet STOPPED (their agents still run). */
    public long runningTasks() {
        return tasks.tasks().stream().filter(EmulatedTask::running).count();
    }

    /** The environment a task's agent was started with. */
    public Map<String, String> environment(String taskArn) {
        String id = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        return tasks.task(id).map(t -> t.env).orElseThrow(() -> new IllegalArgumentException("no task " + taskArn));
    }

    /** Stops the server and every task's agent, waiting (bounded) for the agents to finish uploading. */
    @Override
    public void close() {
        server.stop(0);
        List<EmulatedTask> all = tasks.tasks();
        all.forEach(t -> t.stop("emulator closed"));
        for (EmulatedTask task : all) {
            try {
                task.awaitStopped(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        executor.shutdownNow();
    }
}
