package dev.dlt.localcloud.kube;

import dev.dlt.localcloud.kube.api.ApiGateway;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Kubernetes API server for the local cloud: fabric8's mock server in CRUD mode (it stores what is
 * created and serves watches), with the project's CRDs loaded, on a loopback port; and in front of it,
 * for kubectl, the {@link ApiGateway}.
 */
public final class LocalKubernetes implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private ApiGateway gateway;

    private LocalKubernetes(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    /** Starts the server and loads every CRD found in {@code crdDir} (the repository's {@code crds/}). */
    public static LocalKubernetes start(Path crdDir) throws IOException {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new Dispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        LocalKubernetes kube = new LocalKubernetes(server);
        List<CustomResourceDefinition> crds = new ArrayList<>();
        try (Stream<Path> files = Files.list(crdDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd = kube.client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    kube.client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
                    crds.add(crd);
                }
            }
            kube.gateway = ApiGateway.start(URI.create(kube.url()), crds);
        } catch (IOException | RuntimeException e) {
            kube.close();
            throw e;
        }
        return kube;
    }

    /**
     * The CRUD dispatcher, plus an answer to SelfSubjectRulesReview (which CRUD mode would echo back
     * without a status): java-operator-sdk asks it before leader election, and the local cloud's
     * clients may do anything, as {@code *} on every resource says.
     */
    private static final class Dispatcher extends KubernetesCrudDispatcher {

        private static final String ALLOWED = """
                {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{},
                 "status":{"incomplete":false,"resourceRules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}],
                 "nonResourceRules":[]}}""";

        Dispatcher() {
            super(List.of());
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if ("POST".equals(request.getMethod()) && request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
                return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json").setBody(ALLOWED);
            }
            return super.dispatch(request);
        }
    }

    /** Where kubectl connects: the API with discovery, Tables and streaming watches ({@link ApiGateway}). */
    public URI kubectlUrl() {
        return gateway.url();
    }

    /** Writes a kubeconfig for kubectl (context {@code dlt-local}, namespace default) to {@code file}. */
    public Path writeKubeconfig(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: dlt-local
                  cluster: {server: "%s"}
                users:
                - name: dlt-local
                  user: {}
                contexts:
                - name: dlt-local
                  context: {cluster: dlt-local, user: dlt-local, namespace: default}
                current-context: dlt-local
                """.formatted(gateway.url()));
    }

    /** The API server URL, for clients in other processes. */
    public String url() {
        return client.getMasterUrl().toString();
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        client.close();
        server.destroy();
    }
}
