package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
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
 * loopback address as it would on its ENI, and its status (PENDING, RUNNING, STOPPED with exit code
 * and reason; HEALTHY once the start gate answers, when the task definition has a health check).
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
                return 137; // stopped before its container started, as a killed container reports
            }
            lastStatus = "RUNNING";
            startedAt = Instant.now();
        }
        try {
            started = Agent.forConfig(new AgentConfig(env));
            synchronized (this) {
                agent = started;
                if (!"RUNNING".equals(desiredStatus)) {
                    started.stop(); // StopTask came while the agent was being created
                }
            }
            if (definition.spec().healthCheck()) {
                Thread.ofVirtual().name("health-" + id.substring(0, 8)).start(this::healthCheck);
            }
            return started.run();
        } catch (IllegalArgumentException e) {
            LOG.warning("task " + id + ": invalid agent configuration: " + e.getMessage());
            return 2; // as the agent's main method exits on a configuration error
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "task " + id + ": agent failed", e);
            return 1;
        }
    }

    /** The health check DLT documents for the task definition: a TCP connect to the start gate, until it answers. */
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
        if (!"RUNNING".equals(desiredStatus)) {
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

    synchronized TaskStatus status() {
        return new TaskStatus(lastStatus, desiredStatus, healthStatus, createdAt, startedAt, stoppedAt, stoppedReason, stopCode, exitCode);
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
}
