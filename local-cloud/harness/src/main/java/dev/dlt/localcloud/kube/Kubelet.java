package dev.dlt.localcloud.kube;

import dev.dlt.localcloud.faults.WorkerFault;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A small kubelet for the local cloud: for each worker pod created in the API server it runs a
 * worker agent on a loopback address of its own, probes its start gate for readiness, and reports
 * phase, IP and exit code in the pod's status; a deleted pod's agent is stopped (SIGTERM, then
 * SIGKILL after the grace period). Agents run on threads of this JVM, or each in its own JVM as in a
 * container ({@link #runAgentsAsProcesses}); tests can hold pods back, inject {@link WorkerFault}s
 * and kill an agent.
 */
public final class Kubelet implements AutoCloseable {

    public static final String SELECTOR_LABEL = "app.kubernetes.io/managed-by";
    public static final String SELECTOR_VALUE = "dlt-operator";
    private static final Logger LOG = Logger.getLogger(Kubelet.class.getName());

    private final KubernetesClient client;
    private final LoopbackAddresses addresses;
    private final Map<String, LocalPod> pods = new ConcurrentHashMap<>();
    private final AgentLauncher launcher;
    private final List<Pod> held = new ArrayList<>();
    private volatile Predicate<Pod> hold = pod -> false;
    private SharedIndexInformer<Pod> informer;

    public Kubelet(KubernetesClient client, LoopbackAddresses addresses) {
        this(client, addresses, Path.of(System.getProperty("java.io.tmpdir"), "dlt-kubelet"));
    }

    /** @param logDir where agents running as processes log ({@code <pod name>.log}) */
    public Kubelet(KubernetesClient client, LoopbackAddresses addresses, Path logDir) {
        this.client = client;
        this.addresses = addresses;
        this.launcher = new AgentLauncher(logDir);
    }

    public Kubelet start() {
        informer = client.pods().inAnyNamespace().withLabel(SELECTOR_LABEL, SELECTOR_VALUE).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                admit(pod);
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                admit(newPod);
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                synchronized (held) {
                    held.removeIf(p -> p.getMetadata().getUid().equals(pod.getMetadata().getUid()));
                }
                LocalPod local = pods.remove(pod.getMetadata().getUid());
                if (local != null) {
                    Thread.ofVirtual().start(() -> {
                        local.terminate();
                        if (!local.running()) {
                            addresses.release(local.ip()); // an agent that outlived its grace period keeps its address
                        }
                        launcher.podGone(pod);
                    });
                }
            }
        });
        return this;
    }

    /** Runs the agents of pods admitted from now on each in a JVM of its own (true) or on a thread of this JVM (false, the default). */
    public void runAgentsAsProcesses(boolean asProcesses) {
        launcher.runAsProcesses(asProcesses);
    }

    /** The S3 endpoint that {@link WorkerFault.NeverUploads} workers reach through their black hole. */
    public void s3Endpoint(URI endpoint) {
        launcher.s3Endpoint(endpoint);
    }

    /** Makes worker {@code workerId} of LoadTest {@code testName} misbehave, for pods admitted from now on. */
    public void inject(String testName, String workerId, WorkerFault fault) {
        launcher.inject(testName, workerId, fault);
    }

    /**
     * Gives the agent process of worker {@code workerId} of {@code testName} its own host names (as an
     * {@code /etc/hosts} of its container would), e.g. to send each worker to a target address of its own.
     */
    public void hosts(String testName, String workerId, Map<String, String> namesToAddresses) {
        launcher.hosts(testName, workerId, namesToAddresses);
    }

    /** Forgets every injected fault and host name. */
    public void clearFaults() {
        launcher.clear();
    }

    /** Keeps pods that match {@code pods} Pending (not started) until {@link #release()}. */
    public void hold(Predicate<Pod> pods) {
        this.hold = pods;
    }

    /** Starts the pods held back so far and holds no more. */
    public void release() {
        hold = pod -> false;
        List<Pod> toStart;
        synchronized (held) {
            toStart = new ArrayList<>(held);
            held.clear();
        }
        toStart.forEach(this::admit);
    }

    /** Pods held back by {@link #hold}. */
    public int heldPods() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Kills the agent of worker {@code workerId} of {@code testName} with SIGKILL (it must run as a process); returns its pid. */
    public long kill(String testName, String workerId) {
        LocalPod pod = find(testName, workerId).orElseThrow(() -> new IllegalStateException("no pod of worker " + workerId + " of " + testName));
        long pid = pod.process().map(ProcessHandle::pid).orElseThrow(() -> new IllegalStateException(
                "worker " + workerId + " of " + testName + " does not run as a process"));
        pod.kill();
        return pid;
    }

    /** The agent process of worker {@code workerId} of {@code testName}, when it runs as one. */
    public Optional<ProcessHandle> process(String testName, String workerId) {
        return find(testName, workerId).flatMap(LocalPod::process);
    }

    private Optional<LocalPod> find(String testName, String workerId) {
        return pods.values().stream().filter(p -> AgentLauncher.key(p.pod()).equals(AgentLauncher.key(testName, workerId))).findFirst();
    }

    private void admit(Pod pod) {
        String uid = pod.getMetadata().getUid();
        if (pod.getMetadata().getDeletionTimestamp() != null || pods.containsKey(uid)
                || (pod.getStatus() != null && pod.getStatus().getPhase() != null && !"Pending".equals(pod.getStatus().getPhase()))) {
            return;
        }
        if (hold.test(pod)) {
            synchronized (held) {
                if (held.stream().noneMatch(p -> p.getMetadata().getUid().equals(uid))) {
                    held.add(pod);
                }
            }
            return;
        }
        LocalPod local = new LocalPod(client, pod, addresses.allocate(), launcher.runtime(pod), launcher.onReady(pod));
        if (pods.putIfAbsent(uid, local) == null) {
            LOG.fine(() -> "starting pod " + pod.getMetadata().getName() + " on " + local.ip());
            local.start();
        } else {
            addresses.release(local.ip());
        }
    }

    /** Pods whose agent is still running. */
    public long runningPods() {
        return pods.values().stream().filter(LocalPod::running).count();
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
        pods.values().parallelStream().forEach(LocalPod::terminate);
        pods.clear();
        launcher.close();
    }
}
