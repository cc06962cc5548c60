package dev.dlt.localcloud.kube;

import dev.dlt.agent.Agent;
import dev.dlt.agent.AgentConfig;
import dev.dlt.localcloud.faults.BlackHoleProxy;
import dev.dlt.localcloud.faults.HostileWorker;
import dev.dlt.localcloud.faults.WorkerFault;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides what runs in a pod and starts it: the real agent on a thread or in a JVM of its own, or
 * the {@link WorkerFault} injected for that worker; keys are {@code <test name>/<worker id>}.
 */
final class AgentLauncher {

    private static final String TEST_LABEL = "load.dlt.dev/test";
    private static final String WORKER_LABEL = "load.dlt.dev/worker";

    private final Path logDir;
    private final Map<String, WorkerFault> faults = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> hosts = new ConcurrentHashMap<>();
    private final Map<String, BlackHoleProxy> blackHoles = new ConcurrentHashMap<>();
    private volatile boolean processes;
    private volatile URI s3Endpoint;

    AgentLauncher(Path logDir) {
        this.logDir = logDir;
    }

    void runAsProcesses(boolean asProcesses) {
        this.processes = asProcesses;
    }

    void s3Endpoint(URI endpoint) {
        this.s3Endpoint = endpoint;
    }

    void inject(String testName, String workerId, WorkerFault fault) {
        faults.put(key(testName, workerId), fault);
    }

    void hosts(String testName, String workerId, Map<String, String> namesToAddresses) {
        hosts.put(key(testName, workerId), Map.copyOf(namesToAddresses));
    }

    void clear() {
        faults.clear();
        hosts.clear();
    }

    /** How to start the container of {@code pod}, decided now (faults injected later do not apply to it). */
    LocalPod.Runtime runtime(Pod pod) {
        WorkerFault fault = faults.get(key(pod));
        BlackHoleProxy blackHole = fault instanceof WorkerFault.NeverUploads ? blackHole(pod.getMetadata().getUid()) : null;
        boolean asProcess = processes;
        return (p, env) -> start(p, env, fault, blackHole, asProcess);
    }

    /** What happens once the pod's start gate listens: a never-uploading worker's S3 path turns into a black hole. */
    Runnable onReady(Pod pod) {
        BlackHoleProxy blackHole = blackHoles.get(pod.getMetadata().getUid());
        return blackHole == null ? () -> { } : blackHole::swallow;
    }

    void podGone(Pod pod) {
        BlackHoleProxy blackHole = blackHoles.remove(pod.getMetadata().getUid());
        if (blackHole != null) {
            blackHole.close();
        }
    }

    void close() {
        blackHoles.values().forEach(BlackHoleProxy::close);
        blackHoles.clear();
    }

    private BlackHoleProxy blackHole(String uid) {
        return blackHoles.computeIfAbsent(uid, u -> {
            try {
                return BlackHoleProxy.start(s3Endpoint);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private PodContainer start(Pod pod, Map<String, String> env, WorkerFault fault, BlackHoleProxy blackHole, boolean asProcess)
            throws IOException {
        Map<String, String> containerEnv = new HashMap<>(env);
        if (blackHole != null) {
            containerEnv.put(AgentConfig.S3_ENDPOINT, blackHole.endpoint().toString());
        }
        if (fault instanceof WorkerFault.Hostile hostile) {
            return new ThreadContainer(new HostileWorker(new AgentConfig(containerEnv), hostile.output()));
        }
        if (!asProcess) {
            return new ThreadContainer(Agent.forConfig(new AgentConfig(containerEnv)));
        }
        containerEnv.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        List<String> jvmArgs = new ArrayList<>();
        Files.createDirectories(logDir);
        Map<String, String> names = hosts.get(key(pod));
        if (names != null) {
            Path hostsFile = logDir.resolve(pod.getMetadata().getName() + ".hosts");
            StringBuilder lines = new StringBuilder();
            names.forEach((name, address) -> lines.append(address).append(' ').append(name).append('\n'));
            Files.writeString(hostsFile, lines);
            jvmArgs.add("-Djdk.net.hosts.file=" + hostsFile);
        }
        return ProcessContainer.start(pod.getMetadata().getName(), containerEnv, jvmArgs, logDir);
    }

    static String key(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        return key(labels.getOrDefault(TEST_LABEL, ""), labels.getOrDefault(WORKER_LABEL, ""));
    }

    static String key(String testName, String workerId) {
        return testName + "/" + workerId;
    }
}
