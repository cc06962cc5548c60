package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.RequestMatch;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Request values from Secrets through the whole chain on the local cloud: the packaged operator reads the
 * Secret and seals the values into the scenario in S3, the worker agents the kubelet launches open them,
 * and the target receives the exact header and body on every request of that label. The values are then
 * searched for everywhere else a run leaves text (S3, the LoadTest, its Events, the pods, DynamoDB, the
 * operator's log and the agents' log, at every level); a run with the same values in plain {@code headers}/{@code body} is
 * the control that the search finds what is there. A missing key stops the run before anything launches.
 */
@ExtendWith(LocalCloudExtension.class)
class RequestSecretsEndToEndTest {

    // the distinctive parts are free of characters JSON escapes, so the search would see them in any JSON
    private static final String TOKEN_CORE = "e2e-tok-Q7x9-SEALED-4c1d";
    private static final String BODY_CORE = "e2e-pw-SEALED-8b2f";
    private static final String TOKEN = "Bearer " + TOKEN_CORE;
    private static final String BODY = "{\"user\":\"load\",\"password\":\"" + BODY_CORE + "\"}";
    private static final String PLAIN_TOKEN_CORE = "e2e-tok-PLAIN-51aa";
    private static final String PLAIN_BODY_CORE = "e2e-pw-PLAIN-77c3";
    private static final String PLAIN_TOKEN = "Bearer " + PLAIN_TOKEN_CORE;
    private static final String PLAIN_BODY = "{\"user\":\"load\",\"password\":\"" + PLAIN_BODY_CORE + "\"}";

    private final AgentLog agentLog = new AgentLog();

    @BeforeEach
    void captureTheAgentsLog() {
        agentLog.start();
    }

    @AfterEach
    void stopCapturing() {
        agentLog.stop();
    }

    @Test
    void theTargetGetsTheSecretValuesOnEveryRequestAndTheyAppearNowhereElse(CloudTestBed bed) throws Exception {
        LoadTests tests = bed.tests();
        secret(bed.cloud().kubernetes(), "e2e-login", Map.of("token", TOKEN, "login", BODY));
        TargetServer sealedTarget = bed.target("127.0.98.41",
                TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)).withMatch(RequestMatch.of("Authorization", TOKEN, BODY)));
        TargetServer plainTarget = bed.target("127.0.98.42",
                TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)).withMatch(RequestMatch.of("Authorization", PLAIN_TOKEN, PLAIN_BODY)));
        tests.apply(loadTest("sealed-login", """
                      - label: login
                        url: "%slogin"
                        method: POST
                        headers: {Content-Type: application/json}
                        headersFrom:
                          - {name: Authorization, valueFrom: {secretKeyRef: {name: e2e-login, key: token}}}
                        bodyFrom: {secretKeyRef: {name: e2e-login, key: login}}
                      - {label: page, url: "%1$spage"}""".formatted(sealedTarget.baseUri())));
        tests.apply(loadTest("plain-login", """
                      - label: login
                        url: "%slogin"
                        method: POST
                        headers: {Content-Type: application/json, Authorization: "%s"}
                        body: '%s'""".formatted(plainTarget.baseUri(), PLAIN_TOKEN, PLAIN_BODY)));
        Map<String, String> pods = podsWhileTheyRun(bed, "sealed-login", "plain-login");

        LoadTestView sealed = bed.awaitSucceeded("sealed-login", Duration.ofMinutes(3));
        LoadTestView plain = bed.awaitSucceeded("plain-login", Duration.ofMinutes(3));

        // every login request carried the exact values; the plain page requests did not
        long sealedRequests = (long) LoadTestView.number(sealed.result().get("requests"));
        long loginRequests = labelRequests(sealed, "login");
        assertThat(sealedRequests).isEqualTo(sealedTarget.counters().requests()).isGreaterThan(loginRequests);
        assertThat(loginRequests).isPositive().isEqualTo(sealedTarget.counters().requestsByPath().get("/login"));
        assertThat(sealedTarget.counters().matching()).as(sealedTarget.counters().toString()).isEqualTo(loginRequests);
        long plainRequests = (long) LoadTestView.number(plain.result().get("requests"));
        assertThat(plainRequests).isPositive().isEqualTo(plainTarget.counters().requests());
        assertThat(plainTarget.counters().matching()).isEqualTo(plainRequests);

        Map<String, String> sealedPlaces = placesOf(bed, sealed, pods.get("sealed-login"));
        Map<String, String> plainPlaces = placesOf(bed, plain, pods.get("plain-login"));
        assertNonVacuous(sealedPlaces, sealed);
        assertNonVacuous(plainPlaces, plain);
        for (String value : List.of(TOKEN_CORE, BODY_CORE, base64(TOKEN), base64(BODY))) {
            assertThat(sealedPlaces).allSatisfy((place, text) -> assertThat(text).as("%s holds a secret value", place).doesNotContain(value));
        }
        String scenario = "S3 test-scenarios/default/sealed-login/" + sealed.run().get("id") + "/eks.json";
        assertThat(sealedPlaces.get(scenario)).as("the scenario carries placeholders").contains("${secret:requests[0].headers.Authorization}");
        // the control: plain values are found in the places a spec reaches, so the search above could fail there
        String plainScenario = "S3 test-scenarios/default/plain-login/" + plain.run().get("id") + "/eks.json";
        for (String value : List.of(PLAIN_TOKEN_CORE, PLAIN_BODY_CORE)) {
            assertThat(plainPlaces).hasEntrySatisfying("LoadTest", text -> assertThat(text).contains(value))
                    .hasEntrySatisfying(plainScenario, text -> assertThat(text).contains(value))
                    .hasEntrySatisfying("DynamoDB", text -> assertThat(text).contains(value));
        }
        tests.delete("sealed-login");
        tests.delete("plain-login");
        bed.cloud().kubernetes().secrets().inNamespace(LoadTests.NAMESPACE).withName("e2e-login").delete();
    }

    @Test
    void aMissingKeyLaunchesNothingAndNamesTheFieldNotTheValue(CloudTestBed bed) throws Exception {
        LoadTests tests = bed.tests();
        secret(bed.cloud().kubernetes(), "e2e-no-token", Map.of("login", BODY));
        tests.apply(loadTest("missing-key", """
                      - label: login
                        url: "http://127.0.98.43:9/login"
                        method: POST
                        headersFrom:
                          - {name: Authorization, valueFrom: {secretKeyRef: {name: e2e-no-token, key: token}}}
                        bodyFrom: {secretKeyRef: {name: e2e-no-token, key: login}}"""));

        LoadTestView failed = tests.await("missing-key", LoadTestView::terminal, Duration.ofSeconds(60));

        String expected = "spec.scenario.requests[0].headersFrom[0].valueFrom.secretKeyRef: secret e2e-no-token has no key token";
        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.message()).contains(expected);
        assertThat(LoadTestView.list(failed.status().get("conditions")))
                .anySatisfy(c -> assertThat((String) c.get("message")).contains(expected));
        assertThat(tests.eventsOf("missing-key")).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("Warning");
            assertThat((String) e.get("message")).contains(expected);
        });
        assertThat(tests.eventsOf("missing-key")).noneSatisfy(e -> assertThat(e.get("reason")).isEqualTo("Launching"));
        assertThat(tests.pods("missing-key")).isEmpty();
        assertThat(keys(bed.cloud(), "test-scenarios/default/missing-key/")).as("no scenario written").isEmpty();
        Map<String, String> places = placesOf(bed, failed, "");
        assertThat(places.get("Events")).contains("missing-key");
        assertThat(places.get("operator log")).contains("missing-key");
        assertThat(places).allSatisfy((place, text) -> assertThat(text).as(place).doesNotContain(BODY_CORE));
        tests.delete("missing-key");
        bed.cloud().kubernetes().secrets().inNamespace(LoadTests.NAMESPACE).withName("e2e-no-token").delete();
    }

    private static String loadTest(String name, String requests) {
        return """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario:
                    requests:
                %s
                  load: {concurrency: 2, rampUp: 1s, holdFor: 3s}
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(name, requests.stripIndent().indent(4).stripTrailing());
    }

    /** The pods of each test as JSON, taken once all its workers exist (the operator removes them when the run ends). */
    private static Map<String, String> podsWhileTheyRun(CloudTestBed bed, String... names) {
        Map<String, String> seen = new ConcurrentHashMap<>();
        LoadTests tests = bed.tests();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String name : names) {
                List<Pod> pods = tests.pods(name);
                if (!seen.containsKey(name) && pods.size() >= 2) {
                    seen.put(name, bed.cloud().kubernetes().getKubernetesSerialization().asJson(pods));
                }
            }
            return seen.size() == names.length;
        });
        return seen;
    }

    /** Every text the run left outside the Secret, by place: S3 objects, the LoadTest, Events, pods, DynamoDB, logs. */
    private Map<String, String> placesOf(CloudTestBed bed, LoadTestView test, String pods) throws IOException {
        LocalCloud cloud = bed.cloud();
        String name = test.resource().getMetadata().getName();
        String runId = LoadTestView.string(test.run().get("id"));
        Map<String, String> places = new LinkedHashMap<>();
        for (String key : keys(cloud, "test-scenarios/default/" + name + "/")) {
            places.put("S3 " + key, object(cloud, key));
        }
        for (String key : keys(cloud, "results/default/" + name + "/")) {
            places.put("S3 " + key, object(cloud, key));
        }
        KubernetesClient kube = cloud.kubernetes();
        GenericKubernetesResource resource = kube.genericKubernetesResources("load.dlt.dev/v1alpha1", "LoadTest")
                .inNamespace(LoadTests.NAMESPACE).withName(name).get();
        places.put("LoadTest", kube.getKubernetesSerialization().asJson(resource));
        places.put("Events", kube.getKubernetesSerialization().asJson(kube.v1().events().inNamespace(LoadTests.NAMESPACE).list()));
        places.put("pods", pods);
        places.put("DynamoDB", cloud.dynamo().queryPaginator(b -> b.tableName(LocalCloud.TABLE).keyConditionExpression("testId = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("default/" + name)))).items().stream().toList().toString());
        places.put("operator log", Files.readString(cloud.operator().logFile(), StandardCharsets.ISO_8859_1));
        places.put("agent log", agentLog.text());
        return places;
    }

    /** Each place searched holds what it should, so that a search that finds nothing means something. */
    private static void assertNonVacuous(Map<String, String> places, LoadTestView run) {
        String name = run.resource().getMetadata().getName();
        String runId = LoadTestView.string(run.run().get("id"));
        assertThat(places.get("LoadTest")).contains("\"name\":\"" + name + "\"");
        assertThat(places.get("Events")).contains(runId);
        assertThat(places.get("pods")).contains(runId);
        assertThat(places.get("DynamoDB")).contains(runId);
        assertThat(places.get("operator log")).contains(runId);
        assertThat(places.keySet()).as("the scenario and the worker reports")
                .anyMatch(p -> p.startsWith("S3 test-scenarios/")).anyMatch(p -> p.startsWith("S3 results/") && p.endsWith(".json"))
                .anyMatch(p -> p.startsWith("S3 results/") && p.endsWith(".xml"));
        assertThat(places.get("agent log")).as("the agents' log").contains("reached all 2 workers");
    }

    private static List<String> keys(LocalCloud cloud, String prefix) {
        return cloud.s3().listObjectsV2Paginator(b -> b.bucket(LocalCloud.BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static String object(LocalCloud cloud, String key) {
        return cloud.s3().getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(key)).asString(StandardCharsets.ISO_8859_1);
    }

    private static long labelRequests(LoadTestView test, String label) {
        return LoadTestView.list(test.result().get("perLabel")).stream().filter(l -> label.equals(l.get("label")))
                .mapToLong(l -> (long) LoadTestView.number(l.get("requests"))).sum();
    }

    private static void secret(KubernetesClient kube, String name, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, base64(value)));
        kube.secrets().inNamespace(LoadTests.NAMESPACE).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
                .withData(data).build()).create();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
