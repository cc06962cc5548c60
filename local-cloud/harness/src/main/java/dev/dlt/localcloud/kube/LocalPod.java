package dev.dlt.localcloud.kube;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One pod run by the local kubelet: its agent's container, its readiness probe, its status. */
final class LocalPod {

    /** Starts the container of a pod, given the pod's resolved environment. */
    @FunctionalInterface
    interface Runtime {
        PodContainer start(Pod pod, java.util.Map<String, String> env) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(LocalPod.class.getName());
    private static final int START_PORT = 50000;

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String ip;
    private final Pod pod;
    private final Runtime runtime;
    private final Runnable onReady;
    private volatile PodContainer container;
    private volatile Thread thread;
    private volatile boolean finished;
    private volatile Integer exitCode;

    LocalPod(KubernetesClient client, Pod pod, String ip, Runtime runtime, Runnable onReady) {
        this.client = client;
        this.pod = pod;
        this.runtime = runtime;
        this.onReady = onReady;
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.ip = ip;
    }

    String ip() {
        return ip;
    }

    boolean running() {
        return thread != null && !finished;
    }

    Pod pod() {
        return pod;
    }

    /** The container's exit code once it ended. */
    java.util.Optional<Integer> exitCode() {
        return java.util.Optional.ofNullable(exitCode);
    }

    /** As the OOM killer or a crashed node: the agent dies at once and uploads nothing. */
    void kill() {
        PodContainer c = container;
        if (c == null) {
            throw new IllegalStateException("pod " + name + " has no container yet");
        }
        c.kill();
    }

    /** The agent's own process, when it runs in one. */
    java.util.Optional<ProcessHandle> process() {
        PodContainer c = container;
        return c == null ? java.util.Optional.empty() : c.process();
    }

    void start() {
        thread = Thread.ofPlatform().name("pod-" + name).daemon().start(this::run);
    }

    private void run() {
        int exitCode;
        String message = null;
        try {
            container = runtime.start(pod, PodEnvironment.resolve(client, pod, ip));
            updateStatus("Running", false, null, null);
            Thread.ofVirtual().name("probe-" + name).start(this::probeReadiness);
            exitCode = container.run();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "pod " + name + " could not start its agent", e);
            exitCode = 2;
            message = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 137;
            message = "kubelet stopped";
        }
        this.exitCode = exitCode;
        finished = true;
        updateStatus(exitCode == 0 ? "Succeeded" : "Failed", false, exitCode, message == null ? exitMeaning(exitCode) : message);
    }

    /** As a tcpSocket readiness probe on port 50000 does: ready once the start gate accepts connections. */
    private void probeReadiness() {
        while (!finished) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(ip, START_PORT), 500);
                onReady.run();
                updateStatus("Running", true, null, null);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private synchronized void updateStatus(String phase, boolean ready, Integer exitCode, String message) {
        if (finished && exitCode == null) {
            return; // a late probe result must not overwrite the final state
        }
        String now = Instant.now().toString();
        PodCondition readyCondition = new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False")
                .withLastTransitionTime(now).build();
        var container = new ContainerStatusBuilder().withName(pod.getSpec().getContainers().getFirst().getName())
                .withImage(pod.getSpec().getContainers().getFirst().getImage()).withReady(ready).withRestartCount(0);
        if (exitCode == null) {
            container.withNewState().withNewRunning().withStartedAt(now).endRunning().endState();
        } else {
            container.withNewState().withNewTerminated().withExitCode(exitCode).withReason(exitCode == 0 ? "Completed" : "Error")
                    .withMessage(message).withFinishedAt(now).endTerminated().endState();
        }
        try {
            client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
                PodStatus status = p.getStatus() == null ? new PodStatus() : p.getStatus();
                status.setPhase(phase);
                status.setPodIP(ip);
                status.setHostIP("127.0.0.1");
                if (status.getStartTime() == null) {
                    status.setStartTime(now);
                }
                status.setConditions(List.of(readyCondition));
                status.setContainerStatuses(List.of(container.build()));
                p.setStatus(status);
                return p;
            });
        } catch (KubernetesClientException e) {
            // the pod was deleted meanwhile: nothing left to report on
            LOG.fine(() -> "status of pod " + name + " not updated: " + e.getMessage());
        }
    }

    /** What deleting the pod does: SIGTERM, and SIGKILL once the pod's grace period is over; waits for the end. */
    void terminate() {
        PodContainer c = container;
        if (c != null) {
            Long seconds = pod.getSpec().getTerminationGracePeriodSeconds();
            c.terminate(java.time.Duration.ofSeconds(seconds == null ? 30 : seconds));
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String exitMeaning(int exitCode) {
        return switch (exitCode) {
            case 0 -> null;
            case 3 -> "no start signal from the leader";
            case 137 -> "killed (SIGKILL)";
            case 143 -> "terminated (SIGTERM)";
            default -> "agent exited with code " + exitCode;
        };
    }
}
