package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dlt.localcloud.kube.LoopbackAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small ECS for the local cloud: answers the ECS JSON 1.1 protocol on 127.0.0.1 (RunTask,
 * DescribeTasks, ListTasks, StopTask, DescribeClusters, DescribeTaskDefinition) to the real AWS SDK
 * client with an endpoint override, and runs a worker agent per task on its own loopback address.
 * Requests of all regions share the endpoint; the region comes from the SigV4 credential scope
 * (signatures themselves are not checked). It also serves each task's metadata endpoint v4.
 */
public final class EcsEmulator implements AutoCloseable {

    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/ecs/aws4_request");
    private static final Logger LOG = Logger.getLogger(EcsEmulator.class.getName());

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final EcsRegistry registry = new EcsRegistry(json);
    private final EcsFaults faults = new EcsFaults();
    private final TaskOperations tasks;
    private final URI endpoint;

    private EcsEmulator(LoopbackAddresses addresses) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        tasks = new TaskOperations(json, registry, addresses, faults, endpoint + TaskMetadata.PATH);
        server.createContext("/", this::handle);
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

    /** Where ECS clients connect: {@code EcsClient.builder().endpointOverride(endpoint())}, any region and credentials. */
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

    /** RunTask calls received, whatever their answer (throttled and rejected calls count too). */
    public int runTaskCalls() {
        return tasks.calls(null);
    }

    public int runTaskCalls(String region) {
        return tasks.calls(region);
    }

    /** The number of tasks each successful RunTask call launched, in order. */
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode answer;
            int status = 200;
            try {
                answer = dispatch(exchange);
            } catch (EcsError e) {
                status = e.status();
                answer = error(e.type(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ECS emulator failed on " + exchange.getRequestHeaders().getFirst("X-Amz-Target"), e);
                status = 500;
                answer = error("ServerException", String.valueOf(e.getMessage()));
            }
            byte[] body = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new EcsError("UnknownOperationException", "expected a POST with X-Amz-Target " + TARGET_PREFIX + "<Operation>", 400);
        }
        JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
        if (request == null || request.isMissingNode()) {
            request = json.createObjectNode();
        }
        String region = region(exchange.getRequestHeaders().getFirst("Authorization"));
        return switch (target.substring(TARGET_PREFIX.length())) {
            case "RunTask" -> tasks.runTask(region, request);
            case "DescribeTasks" -> tasks.describeTasks(region, request);
            case "ListTasks" -> tasks.listTasks(region, request);
            case "StopTask" -> tasks.stopTask(region, request);
            case "DescribeClusters" -> registry.describeClusters(region, request, tasks.tasks().stream()
                    .filter(EmulatedTask::running).collect(Collectors.groupingBy(t -> t.clusterArn, Collectors.counting())));
            case "DescribeTaskDefinition" -> registry.describeTaskDefinition(region, request);
            default -> throw new EcsError("UnknownOperationException", "the ECS emulator does not implement " + target, 400);
        };
    }

    /** The region a request was signed for, from {@code Credential=AKID/20250101/us-west-2/ecs/aws4_request}. */
    static String region(String authorization) {
        Matcher matcher = authorization == null ? null : SCOPE.matcher(authorization);
        return matcher != null && matcher.find() ? matcher.group(1) : "us-east-1";
    }

    private ObjectNode error(String type, String message) {
        // the SDK takes the error code from __type (after any '#') and the text from "message"
        return json.createObjectNode().put("__type", "com.amazonaws.ecs#" + type).put("message", message);
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
