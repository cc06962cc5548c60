package dev.dlt.operator.reconciler;

import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.TestRegion;
import dev.dlt.operator.region.RegionCheck;
import dev.dlt.operator.region.TestRegionReconciler;
import io.fabric8.kubernetes.api.model.Event;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A LoadTest (or TestRegion) whose spec the Java classes cannot bind, or that breaks a limit, fails
 * alone: Failed, Valid=False naming the field, a Warning Event, no worker; the operator keeps
 * running the good LoadTest next to it. Before the specs were bound leniently, one
 * {@code concurrency: lots} failed the informer's list and the operator did not start.
 */
@EnableKubernetesMockClient(crud = true)
class BrokenSpecContainmentTest {

    private static final ResourceDefinitionContext LOAD_TESTS = context("LoadTest", "loadtests");
    private static final ResourceDefinitionContext TEST_REGIONS = context("TestRegion", "testregions");
    private static final String REQUESTS = "scenario: {requests: [{label: home, url: \"http://127.0.0.1:9/\"}]}";
    private static final String LOAD = "load: {concurrency: 2, holdFor: 5s}";
    private static final String WORKERS = "workers: [{backend: eks-fargate, count: 2}]";

    KubernetesClient client;
    private final FakeBackend backend = new FakeBackend();
    private final AtomicInteger regionChecks = new AtomicInteger();
    private Operator operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.stop();
        }
    }

    @Test
    void aBrokenLoadTestFailsAloneNamingTheFieldAndTheGoodOneRuns() {
        Map<String, String> broken = Map.of(
                "type-error", "spec.load.concurrency: must be a whole number, was 'lots'",
                "string-for-object", "spec.scenario: must be an object, was 'GET /'",
                "zero-hold", "spec.load.holdFor: must be longer than 0s",
                "crlf-header", "spec.scenario.requests[0].headers[\"X-A\"]: value must not contain CR, LF",
                "region-path", "spec.workers[0].testRegionRef: must be a Kubernetes object name");
        create("type-error", REQUESTS, "load: {concurrency: lots, holdFor: 5s}", WORKERS);
        create("string-for-object", "scenario: GET /", LOAD, WORKERS);
        create("good", REQUESTS, LOAD, WORKERS);
        create("zero-hold", REQUESTS, "load: {concurrency: 2, holdFor: 0s}", WORKERS);
        operator = start();
        // created after the start: reaches the operator through the watch, not the initial list
        create("crlf-header", "scenario: {requests: [{label: a, url: \"http://127.0.0.1:9/\", headers: {X-A: \"a\\r\\nX-B: 1\"}}]}", LOAD, WORKERS);
        create("region-path", REQUESTS, LOAD, "workers: [{backend: ecs-fargate, testRegionRef: ../../kube-system/x, count: 2}]");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(loadTest("good").getStatus()).isNotNull();
            assertThat(loadTest("good").getStatus().getRun()).isNotNull();
            assertThat(backend.launches).containsExactly("w0", "w1");
            for (String name : broken.keySet()) {
                assertThat(loadTest(name).getStatus()).as(name).isNotNull();
                assertThat(loadTest(name).getStatus().getPhase()).as(name).isEqualTo(Phase.Failed);
            }
        });

        assertThat(loadTest("good").getStatus().getConditions()).anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Valid=True"));
        broken.forEach((name, expected) -> {
            LoadTest test = loadTest(name);
            assertThat(test.getStatus().getRun()).as(name + ": nothing launched").isNull();
            assertThat(test.getStatus().getMessage()).as(name).contains(expected);
            assertThat(test.getStatus().getConditions()).as(name).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Valid");
                assertThat(c.getStatus()).isEqualTo("False");
                assertThat(c.getReason()).isEqualTo("InvalidSpec");
                assertThat(c.getMessage()).contains(expected);
            });
            assertThat(events(name)).as(name).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo("InvalidSpec");
                assertThat(e.getMessage()).contains(expected).doesNotContain("\r", "\n");
            });
        });
        assertThat(backend.launches).as("only the good LoadTest's workers").containsExactly("w0", "w1");
        GenericKubernetesResource stored = client.genericKubernetesResources(LOAD_TESTS).inNamespace("team-a").withName("type-error").get();
        assertThat(stored.get("spec", "load", "concurrency").toString()).as("the status patch left the spec as it was").isEqualTo("lots");
    }

    @Test
    void aTestRegionOfTheWrongShapeIsNotReadyNamingTheFieldWithoutAskingEcs() {
        operator = start();
        GenericKubernetesResource region = new KubernetesSerialization().unmarshal("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: TestRegion
                metadata: {name: us-west-2, namespace: team-a}
                spec: {region: us-west-2, cluster: c, taskDefinition: t, containerName: w, subnets: [s], securityGroups: [g], assignPublicIp: maybe}
                """, GenericKubernetesResource.class);
        client.genericKubernetesResources(TEST_REGIONS).inNamespace("team-a").resource(region).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TestRegion stored = client.resources(TestRegion.class).inNamespace("team-a").withName("us-west-2").get();
            assertThat(stored.getStatus()).isNotNull();
            assertThat(stored.getStatus().getMessage()).isEqualTo("invalid spec: spec.assignPublicIp: must be true or false, was 'maybe'");
            assertThat(stored.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=False"));
        });
        assertThat(regionChecks).hasValue(0);
    }

    private LoadTest loadTest(String name) {
        return client.resources(LoadTest.class).inNamespace("team-a").withName(name).get();
    }

    private List<Event> events(String name) {
        return client.v1().events().inNamespace("team-a").list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }

    private void create(String name, String scenario, String load, String workers) {
        String yaml = """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: team-a, generation: 1}
                spec:
                  %s
                  %s
                  %s
                """.formatted(name, scenario, load, workers);
        GenericKubernetesResource resource = new KubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(LOAD_TESTS).inNamespace("team-a").resource(resource).create();
    }

    private Operator start() {
        InMemoryStore store = new InMemoryStore();
        LoadTestReconciler loadTests = OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend),
                new PodCache(client), TestRegions.none(), store, store, List.of(), new RunMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC());
        RegionCheck check = settings1 -> {
            regionChecks.incrementAndGet();
            return new RegionCheck.Result(true, "ok");
        };
        Operator op = new Operator(o -> o.withKubernetesClient(client).withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false).withCloseClientOnStop(false));
        op.register(loadTests);
        op.register(new TestRegionReconciler(check, "bucket", Clock.systemUTC()));
        op.start();
        return op;
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("load.dlt.dev").withVersion("v1alpha1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
