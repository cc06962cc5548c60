package dev.dlt.localcloud.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A small kubelet for the local cloud: for each worker pod created in the API server it runs a
 * worker agent on a loopback address of its own, probes its start gate for readiness, and reports
 * phase, IP and exit code in the pod's status; a deleted pod's agent is stopped (as SIGTERM would).
 */
public final class Kubelet implements AutoCloseable {

    public static final String SELECTOR_LABEL = "app.kubernetes.io/managed-by";
    public static final String SELECTOR_VALUE = "dlt-operator";
    private static final Logger LOG = Logger.getLogger(Kubelet.class.getName());

    private final KubernetesClient client;
    private final LoopbackAddresses addresses;
    private final Map<String, LocalPod> pods = new ConcurrentHashMap<>();
    private SharedIndexInformer<Pod> informer;

    public Kubelet(KubernetesClient client, LoopbackAddresses addresses) {
        this.client = client;
        this.addresses = addresses;
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
                LocalPod local = pods.remove(pod.getMetadata().getUid());
                if (local != null) {
                    Thread.ofVirtual().start(() -> {
                        local.terminate();
                        addresses.release(local.ip());
                    });
                }
            }
        });
        return this;
    }

    private void admit(Pod pod) {
        String uid = pod.getMetadata().getUid();
        if (pod.getMetadata().getDeletionTimestamp() != null || pods.containsKey(uid)
                || (pod.getStatus() != null && pod.getStatus().getPhase() != null && !"Pending".equals(pod.getStatus().getPhase()))) {
            return;
        }
        LocalPod local = new LocalPod(client, pod, addresses.allocate());
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
        pods.values().forEach(LocalPod::terminate);
        pods.clear();
    }
}
