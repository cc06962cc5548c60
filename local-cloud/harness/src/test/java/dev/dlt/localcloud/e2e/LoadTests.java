package dev.dlt.localcloud.e2e;

import dev.dlt.localcloud.demo.LoadTestView;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Creating and following LoadTests in the local cloud's API server, as kubectl would. */
final class LoadTests {

    static final String NAMESPACE = "default";
    private final KubernetesClient kube;

    LoadTests(KubernetesClient kube) {
        this.kube = kube;
    }

    void apply(String yaml) {
        GenericKubernetesResource resource = kube.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        kube.genericKubernetesResources(resource.getApiVersion(), resource.getKind()).inNamespace(NAMESPACE).resource(resource).create();
    }

    /** Applies a manifest to a LoadTest that exists, as {@code kubectl apply} (or an Argo CD sync) does: unchanged fields stay unchanged. */
    void reapply(String yaml) {
        GenericKubernetesResource resource = kube.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        resources().withName(resource.getMetadata().getName()).edit(current -> {
            current.getMetadata().setAnnotations(resource.getMetadata().getAnnotations());
            current.getAdditionalProperties().put("spec", resource.getAdditionalProperties().get("spec"));
            return current;
        });
    }

    void annotate(String name, String key, String value) {
        resources().withName(name).edit(current -> {
            current.getMetadata().getAnnotations().put(key, value);
            return current;
        });
    }

    /** Sets one top-level field of a LoadTest's spec (e.g. suspend). */
    @SuppressWarnings("unchecked")
    void setSpec(String name, String field, Object value) {
        resources().withName(name).edit(current -> {
            ((Map<String, Object>) current.getAdditionalProperties().get("spec")).put(field, value);
            return current;
        });
    }

    /** The status of a TestRegion, once it has one. */
    Map<String, Object> testRegionStatus(String name) {
        GenericKubernetesResource region = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "TestRegion").inNamespace(NAMESPACE)
                .withName(name).get();
        return region == null ? Map.of() : LoadTestView.map(region.getAdditionalProperties().get("status"));
    }

    void deleteTestRegion(String name) {
        kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "TestRegion").inNamespace(NAMESPACE).withName(name).delete();
    }

    LoadTestView get(String name) {
        GenericKubernetesResource resource = resources().withName(name).get();
        return resource == null ? null : new LoadTestView(resource);
    }

    LoadTestView await(String name, Predicate<LoadTestView> condition, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> get(name), v -> v != null && condition.test(v));
    }

    void delete(String name) {
        resources().withName(name).delete();
    }

    List<Pod> pods(String testName) {
        return kube.pods().inNamespace(NAMESPACE).withLabel("load.dlt.dev/test", testName).list().getItems();
    }

    List<Map<String, Object>> eventsOf(String name) {
        return kube.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()))
                .map(e -> Map.<String, Object>of("reason", e.getReason(), "type", e.getType(), "message", e.getMessage()))
                .toList();
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> resources() {
        return kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace(NAMESPACE);
    }
}
