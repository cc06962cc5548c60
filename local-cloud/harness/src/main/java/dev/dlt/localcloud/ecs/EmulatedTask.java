package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.agent.Agent;
import dev.dlt.agent.AgentConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Fargate task of the emulator: its worker agent on a thread of its own, listening on the task's
 * loopback address as it would on its ENI, and the status ECS reports for it (PENDING, RUNNING,
 * STOPPED with exit code and reason; HEALTHY once the start gate answers, when health-checked).
 */
final class EmulatedTask {

    private static final Logger LOG = Logger.getLogger(EmulatedTask.class.getName());

    final String arn;
    final String id;
    final String clusterArn;
    final RegisteredTaskDefinition definition;
    final String startedBy;
    final String group;
    final JsonNode tags;
    final JsonNode overrides;
    final String ip;
    final String subnet;
    final Map<String, String> env;
    private final Instant createdAt = Instant.now();
    private String lastStatus = "PENDING";
    private String desiredStatus = "RUNNING";
    private String healthStatus = "UNKNOWN";
    private Instant startedAt;
    private Instant stoppedAt;
    private String stoppedReason;
    private String stopCode;
    private Integer exitCode;
    private Agent agent;
    private Thread thread;

    EmulatedTask(String arn, String clusterArn, RegisteredTaskDefinition definition, String startedBy, String group, JsonNode tags,
                 JsonNode overrides, String ip, String subnet, Map<String, String> env) {
        this.arn = arn;
        this.id = arn.substring(arn.lastIndexOf('/') + 1);
        this.clusterArn = clusterArn;
        this.definition = definition;
        this.startedBy = startedBy;
        this.group = group;
        this.tags = tags;
        this.overrides = overrides;
        this.ip = ip;
        this.subnet = subnet;
        this.env = Map.copyOf(env);
    }

    /** Starts the container; {@code onStopped} runs once the task is STOPPED (to release its address). */
    synchronized void start(Consumer<EmulatedTask> onStopped) {
        thread = Thread.ofPlatform().name("ecs-task-" + id.substring(0, 8)).daemon().start(() -> {
            int code = run();
            synchronized (this) {
                exitCode = code;
                lastStatus = "STOPPED";
                desiredStatus = "STOPPED";
                stoppedAt = Instant.now();
                if (stoppedReason == null) {
                    stoppedReason = "Essential container in task exited";
                    stopCode = "EssentialContainerExited";
                }
            }
            onStopped.accept(this);
        });
    }

    private int run() {
        Agent started;
        synchronized (this) {
            if (!"RUNNING".equals(desiredStatus)) {
                return 137; // stopped before its container started, as a SIGKILLed container reports
            }
            try {
                agent = Agent.forConfig(new AgentConfig(env));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "task " + id + ": invalid agent configuration: " + e.getMessage());
                return 2;
            }
            started = agent;
            lastStatus = "RUNNING";
            startedAt = Instant.now();
        }
        if (definition.spec().healthCheck()) {
            Thread.ofVirtual().name("health-" + id.substring(0, 8)).start(this::healthCheck);
        }
        try {
            return started.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "task " + id + ": agent failed", e);
            return 1;
        }
    }

    /** The documented health check, a TCP connect to the start gate, until it succeeds or the task ends. */
    private void healthCheck() {
        int port = Integer.parseInt(env.getOrDefault(AgentConfig.START_PORT, "50000"));
        while (running()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ip, port), 500);
                synchronized (this) {
                    healthStatus = "HEALTHY";
                }
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** StopTask: marks the task to stop and stops its agent as SIGTERM would, without waiting for it. */
    synchronized void stop(String reason) {
        if ("STOPPED".equals(lastStatus) || !"RUNNING".equals(desiredStatus)) {
            return;
        }
        desiredStatus = "STOPPED";
        stoppedReason = reason == null || reason.isBlank() ? "Task stopped by user" : reason;
        stopCode = "UserInitiated";
        Agent running = agent;
        if (running != null) {
            Thread.ofVirtual().start(running::stop);
        }
    }

    synchronized boolean running() {
        return !"STOPPED".equals(lastStatus);
    }

    synchronized String desiredStatus() {
        return desiredStatus;
    }

    /** Waits (bounded) for the agent thread to end, after {@link #stop}. */
    void awaitStopped(long millis) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(millis);
        }
    }

    synchronized ObjectNode toJson(ObjectMapper json, boolean withTags) {
        ObjectNode task = json.createObjectNode()
                .put("taskArn", arn).put("clusterArn", clusterArn).put("taskDefinitionArn", definition.arn())
                .put("lastStatus", lastStatus).put("desiredStatus", desiredStatus).put("launchType", "FARGATE")
                .put("platformVersion", "1.4.0").put("cpu", "1024").put("memory", "2048")
                .put("availabilityZone", definition.region() + "a").put("group", group).put("healthStatus", healthStatus)
                .put("createdAt", seconds(createdAt)).put("version", 1);
        if (startedBy != null) {
            task.put("startedBy", startedBy);
        }
        if (startedAt != null) {
            task.put("startedAt", seconds(startedAt));
        }
        if (stoppedReason != null) {
            task.put("stoppedReason", stoppedReason).put("stopCode", stopCode);
        }
        if (stoppedAt != null) {
            task.put("stoppedAt", seconds(stoppedAt));
        }
        ObjectNode eni = task.putArray("attachments").addObject().put("id", "eni-attach-" + id.substring(0, 12))
                .put("type", "ElasticNetworkInterface").put("status", "STOPPED".equals(lastStatus) ? "DELETED" : "ATTACHED");
        ArrayNode details = eni.putArray("details");
        details.addObject().put("name", "subnetId").put("value", subnet);
        details.addObject().put("name", "networkInterfaceId").put("value", "eni-" + id.substring(0, 17));
        details.addObject().put("name", "privateIPv4Address").put("value", ip);
        ObjectNode container = task.putArray("containers").addObject()
                .put("containerArn", arn.replace(":task/", ":container/") + "/" + definition.spec().containerName())
                .put("taskArn", arn).put("name", definition.spec().containerName()).put("image", "dlt/load-tester:local")
                .put("lastStatus", lastStatus).put("healthStatus", healthStatus);
        if (exitCode != null) {
            container.put("exitCode", exitCode);
        }
        container.putArray("networkInterfaces").addObject().put("attachmentId", "eni-attach-" + id.substring(0, 12))
                .put("privateIpv4Address", ip);
        if (overrides != null) {
            task.set("overrides", overrides);
        }
        if (withTags && tags != null) {
            task.set("tags", tags);
        }
        return task;
    }

    /** What the task metadata endpoint v4 answers at {@code ${ECS_CONTAINER_METADATA_URI_V4}/task}. */
    synchronized ObjectNode metadataJson(ObjectMapper json) {
        ObjectNode task = json.createObjectNode().put("Cluster", clusterArn).put("TaskARN", arn)
                .put("Family", definition.spec().family()).put("Revision", Integer.toString(definition.revision()))
                .put("DesiredStatus", desiredStatus).put("KnownStatus", lastStatus).put("LaunchType", "FARGATE")
                .put("AvailabilityZone", definition.region() + "a");
        task.putArray("Containers").add(containerMetadata(json));
        return task;
    }

    /** What the endpoint answers at {@code ${ECS_CONTAINER_METADATA_URI_V4}} itself: this container. */
    synchronized ObjectNode containerMetadata(ObjectMapper json) {
        ObjectNode container = json.createObjectNode().put("Name", definition.spec().containerName())
                .put("DockerId", id + "-" + definition.spec().containerName()).put("KnownStatus", lastStatus)
                .put("Type", "NORMAL");
        container.putObject("Labels").put("com.amazonaws.ecs.task-arn", arn).put("com.amazonaws.ecs.cluster", clusterArn)
                .put("com.amazonaws.ecs.container-name", definition.spec().containerName());
        ObjectNode network = container.putArray("Networks").addObject().put("NetworkMode", "awsvpc");
        network.putArray("IPv4Addresses").add(ip);
        return container;
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
