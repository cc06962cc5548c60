package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.JmeterPlans;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class BrokenSpecContainmentTest {

    private static final ResourceDefinitionContext LOAD_TESTS = new ResourceDefinitionContext.Builder()
            .withGroup("load.dlt.dev").withVersion("v1alpha1").withKind("LoadTest").withPlural("loadtests").withNamespaced(true).build();
    KubernetesClient client;
    private final FakeBackend backend = new FakeBackend();
    private Operator operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.stop();
        }
    }

    @Test
    void experiment() {
        create("good", "{concurrency: 2, holdFor: 5s}");
        create("broken", "{concurrency: lots, holdFor: 5s}");
        operator = start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.resources(LoadTest.class).inNamespace("team-a").withName("good").get().getStatus()).isNotNull());
    }

    private void create(String name, String load) {
        String yaml = """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: team-a}
                spec:
                  scenario: {requests: [{label: home, url: "http://127.0.0.1:9/"}]}
                  load: %s
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(name, load);
        GenericKubernetesResource resource = new KubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(LOAD_TESTS).inNamespace("team-a").resource(resource).create();
    }

    private Operator start() {
        InMemoryStore store = new InMemoryStore();
        RunSettings settings = new RunSettings("bucket", "us-east-1", Map.of(), Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ofSeconds(3), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(1), 3);
        EventRecorder events = new EventRecorder(client);
        JmeterPlans plans = new JmeterPlans(client, store, "bucket");
        RunConductor conductor = new RunConductor(new RunPlanner(TestRegions.none(), "bucket"), new WorkerBackends(List.of(backend)),
                new RunSecrets(client), store, plans, new RunRecorder(store, new RunMetrics(new SimpleMeterRegistry()), 3), events,
                settings, Clock.systemUTC());
        Operator op = new Operator(o -> o.withKubernetesClient(client).withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false).withCloseClientOnStop(false));
        op.register(new LoadTestReconciler(conductor, plans, events, Clock.systemUTC()));
        op.start();
        return op;
    }
}
