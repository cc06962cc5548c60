package dev.dlt.operator.backend.eks;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;

/**
 * The worker pods as the LoadTest controller's informer sees them, so that following a run does not
 * list pods from the API server on every look. Before the informer is attached (tests that drive the
 * backend alone), pods are listed from the API server.
 */
public final class PodCache {

    private final KubernetesClient client;
    private volatile InformerEventSource<Pod, ?> informer;

    public PodCache(KubernetesClient client) {
        this.client = client;
    }

    public void attach(InformerEventSource<Pod, ?> informer) {
        this.informer = informer;
    }

    public List<Pod> list(String namespace, Map<String, String> labels) {
        InformerEventSource<Pod, ?> source = informer;
        if (source == null) {
            return client.pods().inNamespace(namespace).withLabels(labels).list().getItems();
        }
        return source.list(namespace, pod -> matches(pod, labels)).toList();
    }

    private static boolean matches(Pod pod, Map<String, String> labels) {
        Map<String, String> actual = pod.getMetadata().getLabels();
        return actual != null && labels.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }
}
