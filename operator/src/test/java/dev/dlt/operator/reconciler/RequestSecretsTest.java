package dev.dlt.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.WorkerState;
import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.OperatorProducer;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.HeaderFromSpec;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.SecretKeyRefSpec;
import dev.dlt.operator.api.ValueFromSpec;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.backend.eks.WorkerPods;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.run.RunMetrics;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.scenario.SealedRequestValues;
import dev.dlt.results.scenario.TaurusConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request headers and bodies from Secrets: the values reach the workers (sealed in the scenario under
 * the run secret) and appear nowhere else the operator writes: LoadTest, status, Events, the scenario
 * object, its log.
 */
@EnableKubernetesMockClient(crud = true)
class RequestSecretsTest {

    private static final String TOKEN = "Bearer tok-7f3a9c-sup3r-s3cret";
    private static final String BODY = "{\"password\":\"hunter2-b0dy-s3cret\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    KubernetesClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FakeBackend backend = new FakeBackend();
    private final InMemoryStore store = new InMemoryStore();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger operatorLog = Logger.getLogger("dev.dlt");
    private Level previousLevel;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private LoadTestReconciler reconciler;
    private LoadTest test;

    @BeforeEach
    void setUp() {
        previousLevel = operatorLog.getLevel();
        operatorLog.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        reconciler = OperatorProducer.loadTestReconciler(client, LoadTestReconcilerTest.SETTINGS, List.of(backend), new PodCache(client),
                TestRegions.none(), store, store, List.of(), new RunMetrics(new SimpleMeterRegistry()), clock);
        test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("team-a").withUid("uid-1").withGeneration(1L).build());
        test.setSpec(TestSpecs.valid());
        HttpRequestSpec request = test.getSpec().getScenario().getRequests().getFirst();
        request.setMethod("POST");
        request.setHeaders(Map.of("Accept", "application/json"));
        request.setHeadersFrom(new ArrayList<>(List.of(
                new HeaderFromSpec("Authorization", new ValueFromSpec(new SecretKeyRefSpec("api-token", "token"))))));
        request.setBodyFrom(new ValueFromSpec(new SecretKeyRefSpec("api-token", "login")));
    }

    @AfterEach
    void tearDown() {
        root.removeHandler(capture);
        operatorLog.setLevel(previousLevel);
    }

    @Test
    void valuesReachTheWorkersSealedAndAppearNowhereElse() throws Exception {
        secret(Map.of("token", TOKEN, "login", BODY, "unused", "other"));

        reconcile();
        reconcile();
        assertThat(backend.launches).containsExactly("w0", "w1", "w2");
        backend.setAllWorkers(WorkerState.READY);
        reconcile();
        assertThat(test.getStatus().getPhase()).as(test.getStatus().getMessage()).isEqualTo(Phase.Starting);

        String runId = test.getStatus().getRun().getId();
        byte[] scenario = store.objects.get("bucket/" + new ResultKeys("team-a/shop", runId, "eks").scenario());
        String scenarioText = new String(scenario, StandardCharsets.UTF_8);
        assertThat(scenarioText).contains(SealedRequestValues.KEY).contains(SealedRequestValues.headerPlaceholder(0, "Authorization"))
                .contains("application/json");

        // what a worker does with the run secret it gets from the per-run Secret
        var runSecret = client.secrets().inNamespace("team-a").withName(WorkerPods.secretName(
                new dev.dlt.backend.RunRef("team-a", "shop", "uid-1", runId))).get();
        byte[] workerSecret = Base64.getDecoder().decode(Base64.getDecoder().decode(runSecret.getData().get("secret")));
        TaurusConfig opened = TaurusConfig.fromJson(SealedRequestValues.open(scenario, workerSecret));
        assertThat(opened.requests().getFirst().headers()).containsEntry("Authorization", TOKEN).containsEntry("Accept", "application/json");
        assertThat(opened.requests().getFirst().body()).isEqualTo(BODY);

        assertNowhereButTheSecret(TOKEN, BODY, "hunter2", "tok-7f3a9c");
    }

    @Test
    void aMissingKeyRefusesTheLaunchNamingTheFieldNeverAValue() throws Exception {
        secret(Map.of("login", BODY));

        reconcile();
        reconcile();

        assertThat(backend.launches).isEmpty();
        assertThat(test.getStatus().getPhase()).isEqualTo(Phase.Failed);
        String expected = "spec.scenario.requests[0].headersFrom[0].valueFrom.secretKeyRef: secret api-token has no key token";
        assertThat(test.getStatus().getMessage()).contains(expected);
        assertThat(test.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage()).contains(expected));
        assertThat(client.v1().events().inNamespace("team-a").list().getItems())
                .anySatisfy(e -> assertThat(e.getMessage()).contains(expected));
        assertThat(store.objects.keySet()).noneMatch(k -> k.endsWith(".json") && k.contains("scenario"));
        assertNowhereButTheSecret(BODY, "hunter2");
    }

    @Test
    void aMissingSecretRefusesTheLaunch() throws Exception {
        reconcile();
        reconcile();

        assertThat(backend.launches).isEmpty();
        assertThat(test.getStatus().getMessage())
                .contains("spec.scenario.requests[0].headersFrom[0].valueFrom.secretKeyRef: secret api-token not found in namespace team-a");
    }

    @Test
    void aHeaderValueWithANewlineIsRefusedWithoutShowingIt() throws Exception {
        secret(Map.of("token", TOKEN + "\n", "login", BODY));

        reconcile();
        reconcile();

        assertThat(backend.launches).isEmpty();
        assertThat(test.getStatus().getMessage()).contains("spec.scenario.requests[0].headersFrom[0].valueFrom.secretKeyRef: key token of secret "
                + "api-token holds CR, LF or other control characters");
        assertNowhereButTheSecret(TOKEN, BODY);
    }

    private void assertNowhereButTheSecret(String... values) throws Exception {
        List<String> places = new ArrayList<>();
        places.add("LoadTest: " + JSON.writeValueAsString(test));
        places.add("Events: " + JSON.writeValueAsString(client.v1().events().inAnyNamespace().list().getItems()));
        store.objects.forEach((key, bytes) -> places.add("S3 " + key + ": " + new String(bytes, StandardCharsets.UTF_8)));
        for (LogRecord record : logged) {
            places.add("log: " + record.getMessage() + " " + (record.getParameters() == null ? "" : List.of(record.getParameters()))
                    + " " + (record.getThrown() == null ? "" : record.getThrown()));
        }
        assertThat(logged).as("the operator's log is captured").isNotEmpty();
        for (String value : values) {
            assertThat(places).noneMatch(place -> place.contains(value));
        }
    }

    private void secret(Map<String, String> values) {
        Map<String, String> data = new java.util.HashMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.secrets().inNamespace("team-a").resource(new SecretBuilder().withNewMetadata().withName("api-token").withNamespace("team-a")
                .endMetadata().withData(data).build()).create();
    }

    private void reconcile() throws Exception {
        var control = reconciler.reconcile(test, null);
        control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
        if (test.getStatus().getPhase() == Phase.Recording) {
            control = reconciler.reconcile(test, null);
            control.getResource().ifPresent(updated -> test.setStatus(updated.getStatus()));
        }
    }
}
