package dev.dlt.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.operator.InMemoryStore;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.S3ObjectRef;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class JmeterPlansTest {

    static final String PLAN = "<?xml version=\"1.0\"?><jmeterTestPlan version=\"1.2\"><hashTree/></jmeterTestPlan>";
    KubernetesClient client;
    private final InMemoryStore s3 = new InMemoryStore();

    private JmeterPlans plans() {
        return new JmeterPlans(client, s3, "default-bucket");
    }

    @Test
    void readsAPlanFromAConfigMap() throws Exception {
        configMap(Map.of("plan.jmx", PLAN), Map.of());

        JmeterPlan plan = plans().load("perf", fromConfigMap("plan.jmx"));

        assertThat(plan.fileName()).isEqualTo("plan.jmx");
        assertThat(new String(plan.content(), StandardCharsets.UTF_8)).isEqualTo(PLAN);
    }

    @Test
    void readsAZipFromBinaryDataAndFromS3() throws Exception {
        byte[] zip = zip(Map.of("tests/plan.jmx", PLAN, "tests/data/users.csv", "a,b", "plugins/x.jar", "jar"));
        configMap(Map.of(), Map.of("suite.zip", Base64.getEncoder().encodeToString(zip)));
        s3.put("other-bucket", "plans/suite.zip", zip, "application/zip");
        JmeterPlanSpec fromS3 = new JmeterPlanSpec();
        S3ObjectRef ref = new S3ObjectRef();
        ref.setBucket("other-bucket");
        ref.setKey("plans/suite.zip");
        fromS3.setS3(ref);

        assertThat(plans().load("perf", fromConfigMap("suite.zip")).fileName()).isEqualTo("plan.zip");
        assertThat(plans().load("perf", fromS3).content()).isEqualTo(zip);
    }

    @Test
    void refusesWhatCannotRun() throws Exception {
        configMap(Map.of("bad.jmx", "this is not xml", "html.jmx", "<html/>"),
                Map.of("empty.zip", Base64.getEncoder().encodeToString(zip(Map.of("readme.txt", "no plan here"))),
                        "two.zip", Base64.getEncoder().encodeToString(zip(Map.of("a.jmx", PLAN, "b.jmx", PLAN))),
                        "broken.zip", Base64.getEncoder().encodeToString(zip(Map.of("p.jmx", "<jmeterTestPlan>")))));

        assertFails(fromConfigMap("bad.jmx"), "spec.scenario.jmeter.configMapRef", "bad.jmx is not well-formed XML");
        assertFails(fromConfigMap("html.jmx"), "spec.scenario.jmeter.configMapRef", "expected <jmeterTestPlan>");
        assertFails(fromConfigMap("empty.zip"), "spec.scenario.jmeter.configMapRef", "empty.zip contains no .jmx file");
        assertFails(fromConfigMap("two.zip"), "spec.scenario.jmeter.configMapRef", "several plans at the same level: [a.jmx, b.jmx]");
        assertFails(fromConfigMap("broken.zip"), "spec.scenario.jmeter.configMapRef", "broken.zip: p.jmx is not well-formed XML");
        assertFails(fromConfigMap("missing.jmx"), "spec.scenario.jmeter.configMapRef", "ConfigMap perf/plans has no key missing.jmx");
        JmeterPlanSpec absent = new JmeterPlanSpec();
        S3ObjectRef ref = new S3ObjectRef();
        ref.setKey("nope.jmx");
        absent.setS3(ref);
        assertFails(absent, "spec.scenario.jmeter.s3", "s3://default-bucket/nope.jmx does not exist");
    }

    private void assertFails(JmeterPlanSpec spec, String field, String message) {
        assertThatThrownBy(() -> plans().load("perf", spec)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(((InvalidPlanException) e).field()).isEqualTo(field));
    }

    private void configMap(Map<String, String> data, Map<String, String> binaryData) {
        client.configMaps().inNamespace("perf").resource(new ConfigMapBuilder().withNewMetadata().withName("plans").endMetadata()
                .withData(data).withBinaryData(binaryData).build()).create();
    }

    private static JmeterPlanSpec fromConfigMap(String key) {
        return TestSpecs.jmeterFromConfigMap("plans", key);
    }

    static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
