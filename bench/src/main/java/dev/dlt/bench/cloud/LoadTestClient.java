package dev.dlt.bench.cloud;

import dev.dlt.localcloud.demo.LoadTestView;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.URI;
import java.util.List;

/** The benchmarks' LoadTests in the local cloud's API server: one-request manifests applied, read and deleted as kubectl would. */
public final class LoadTestClient {

    private static final String NAMESPACE = "default";
    private final KubernetesClient kube;

    public LoadTestClient(KubernetesClient kube) {
        this.kube = kube;
    }

    /** A LoadTest that sends {@code concurrency} users per worker to {@code target} for {@code holdFor} (a duration such as 5s). */
    public static String manifest(String name, URI target, int concurrency, String holdFor, int workers) {
        return """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: %s}
                spec:
                  scenario:
                    requests:
                      - {label: home, url: "%s"}
                  load: {concurrency: %d, rampUp: 1s, holdFor: %s}
                  workers:
                    - {backend: eks-fargate, count: %d}
                """.formatted(name, NAMESPACE, target, concurrency, holdFor, workers);
    }

    public void apply(String yaml) {
        GenericKubernetesResource resource = kube.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        resources().resource(resource).create();
    }

    /** The LoadTest as it is now, or null when there is none of that name. */
    public LoadTestView get(String name) {
        GenericKubernetesResource current = resources().withName(name).get();
        return current == null ? null : new LoadTestView(current);
    }

    public List<LoadTestView> all() {
        return resources().list().getItems().stream().map(LoadTestView::new).toList();
    }

    public void delete(String name) {
        resources().withName(name).delete();
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> resources() {
        return kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest").inNamespace(NAMESPACE);
    }
}
