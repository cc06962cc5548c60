package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl delete} of a LoadTest that has nothing more to do is handled at once, not at the
 * 5-minute maximum reconciliation interval: the operator runs with the production controller settings
 * ({@link OperatorProducer#loadTestController}) against the mock API server. The waits are bounds far
 * below those 5 minutes; a lost deletion event would only be noticed after them.
 */
@EnableKubernetesMockClient(crud = true)
class PromptDeletionTest {

    private static final ResourceDefinitionContext LOAD_TESTS = new ResourceDefinitionContext.Builder().withGroup("load.dlt.dev")
            .withVersion("v1alpha1").withKind("LoadTest").withPlural("loadtests").withNamespaced(true).build();
    private static final Duration PROMPTLY = Duration.ofSeconds(60);

    KubernetesClient client;
    private Operator operator;
    private KubernetesClient operatorClient;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (operator != null) {
            operator.stop();
        }
        if (operatorClient != null) {
            operatorClient.close();
        }
    }

    @Test
    void aLoadTestWithNothingMoreToDoIsGoneRightAfterItsDeletion() {
        WatchedReconciler reconciler = start(client);
        create("finished");
        await().atMost(PROMPTLY).until(() -> phase("finished") == Phase.Failed && reconciler.idle());

        client.resources(LoadTest.class).inNamespace("team-a").withName("finished").delete();

        await().atMost(PROMPTLY).until(() -> loadTest("finished") == null);
        assertThat(reconciler.cleanups).as("the controller's cleanup ran once").hasValue(1);
    }

    /**
     * The deletion lands while the operator's status patch is on its way: the API server merges the
     * deletionTimestamp into the patch's response, and JOSDK 5.3.2 takes the deletion's watch event for
     * an echo of its own patch and drops it (upstream issue 3398). The controller still handles it.
     */
    @Test
    void aDeletionMergedIntoTheOperatorsOwnStatusPatchIsHandledAtOnce() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        AtomicBoolean holding = new AtomicBoolean(true);
        Interceptor holdStatusPatch = new Interceptor() {
            @Override
            public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                if ("PATCH".equals(request.method()) && request.uri().getPath().endsWith("/loadtests/racing/status")
                        && holding.compareAndSet(true, false)) {
                    held.countDown();
                    try {
                        release.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        operatorClient = new KubernetesClientBuilder().withConfig(client.getConfiguration())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("hold-status-patch", holdStatusPatch)).build();
        WatchedReconciler reconciler = start(operatorClient);
        create("racing");
        assertThat(held.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).as("the status patch of the invalid spec is held").isTrue();

        client.resources(LoadTest.class).inNamespace("team-a").withName("racing").delete();
        await().atMost(PROMPTLY).until(() -> loadTest("racing").getMetadata().getDeletionTimestamp() != null);
        release.countDown();

        await().atMost(PROMPTLY).until(() -> loadTest("racing") == null);
        assertThat(reconciler.cleanups).as("the controller's cleanup ran once").hasValue(1);
    }

    private WatchedReconciler start(KubernetesClient operatorSide) {
        InMemoryStore store = new InMemoryStore();
        LoadTestReconciler loadTests = OperatorProducer.loadTestReconciler(operatorSide, LoadTestReconcilerTest.SETTINGS,
                List.of(new FakeBackend()), new PodCache(operatorSide), TestRegions.none(), store, store, List.of(),
                new RunMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        WatchedReconciler watched = new WatchedReconciler(loadTests);
        operator = new Operator(o -> o.withKubernetesClient(operatorSide).withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false).withCloseClientOnStop(false));
        operator.register(watched, OperatorProducer::loadTestController);
        operator.start();
        return watched;
    }

    /** A LoadTest whose spec is invalid: the controller marks it Failed once and has nothing scheduled after. */
    private void create(String name) {
        String yaml = """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: team-a, generation: 1}
                spec:
                  scenario: {requests: [{label: home, url: "http://127.0.0.1:9/"}]}
                  load: {concurrency: 2, holdFor: 0s}
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(name);
        GenericKubernetesResource resource = new KubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        client.genericKubernetesResources(LOAD_TESTS).inNamespace("team-a").resource(resource).create();
    }

    private LoadTest loadTest(String name) {
        return client.resources(LoadTest.class).inNamespace("team-a").withName(name).get();
    }

    private Phase phase(String name) {
        LoadTest test = loadTest(name);
        return test == null || test.getStatus() == null ? null : test.getStatus().getPhase();
    }

    /** The LoadTest controller, remembering whether its last reconcile asked for no later look, and counting cleanups. */
    @ControllerConfiguration(name = LoadTestReconciler.NAME)
    static final class WatchedReconciler implements Reconciler<LoadTest>, Cleaner<LoadTest> {

        private final LoadTestReconciler controller;
        private final AtomicBoolean idle = new AtomicBoolean();
        final AtomicInteger cleanups = new AtomicInteger();

        WatchedReconciler(LoadTestReconciler controller) {
            this.controller = controller;
        }

        boolean idle() {
            return idle.get();
        }

        @Override
        public List<EventSource<?, LoadTest>> prepareEventSources(EventSourceContext<LoadTest> context) {
            return controller.prepareEventSources(context);
        }

        @Override
        public UpdateControl<LoadTest> reconcile(LoadTest test, Context<LoadTest> context) throws Exception {
            UpdateControl<LoadTest> control = controller.reconcile(test, context);
            idle.set(control.getScheduleDelay().isEmpty());
            return control;
        }

        @Override
        public ErrorStatusUpdateControl<LoadTest> updateErrorStatus(LoadTest test, Context<LoadTest> context, Exception e) {
            idle.set(false);
            return controller.updateErrorStatus(test, context, e);
        }

        @Override
        public DeleteControl cleanup(LoadTest test, Context<LoadTest> context) {
            cleanups.incrementAndGet();
            return controller.cleanup(test, context);
        }
    }
}
