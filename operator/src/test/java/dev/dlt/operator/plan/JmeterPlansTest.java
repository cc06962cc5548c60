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
import java.util.List;
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
        return new JmeterPlans(client, s3, "default-bucket", List.of("other-bucket/suites/{namespace}", "shared-bucket/common/"));
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
        s3.put("other-bucket", "suites/perf/suite.zip", zip, "application/zip");
        s3.put("default-bucket", "plans/perf/suite.zip", zip, "application/zip");
        s3.put("shared-bucket", "common/suite.zip", zip, "application/zip");

        assertThat(plans().load("perf", fromConfigMap("suite.zip")).fileName()).isEqualTo("plan.zip");
        assertThat(plans().load("perf", fromS3("other-bucket", "suites/perf/suite.zip")).content()).isEqualTo(zip);
        assertThat(plans().load("perf", fromS3(null, "plans/perf/suite.zip")).content()).as("the default bucket's plans/<namespace>/").isEqualTo(zip);
        assertThat(plans().load("perf", fromS3("shared-bucket", "common/suite.zip")).content()).as("an entry without {namespace}").isEqualTo(zip);
    }

    @Test
    void readsS3PlansOnlyUnderTheNamespacesPrefixesWithOneMessageForForbiddenAndMissing() throws Exception {
        byte[] plan = PLAN.getBytes(StandardCharsets.UTF_8);
        s3.put("default-bucket", "plans/team-b/secret.jmx", plan, "application/xml");
        s3.put("default-bucket", "plans/team-ab/x.jmx", plan, "application/xml");
        s3.put("default-bucket", "results/team-b/run.jmx", plan, "application/xml");
        s3.put("other-bucket", "suites/team-b/suite.jmx", plan, "application/xml");
        s3.put("private-bucket", "plans/team-a/x.jmx", plan, "application/xml");
        String allowed = "plans of namespace team-a must be existing objects under s3://default-bucket/plans/team-a/ or "
                + "s3://other-bucket/suites/team-a/ or s3://shared-bucket/common/";

        for (String[] object : new String[][] {
                {null, "plans/team-b/secret.jmx"},          // another namespace's plan: exists
                {null, "plans/team-a/missing.jmx"},         // this namespace's prefix: missing
                {null, "plans/team-ab/x.jmx"},              // a namespace whose name starts like this one's
                {null, "results/team-b/run.jmx"},
                {"other-bucket", "suites/team-b/suite.jmx"},
                {"private-bucket", "plans/team-a/x.jmx"},   // right key, bucket not allowed
        }) {
            String bucket = object[0] == null ? "default-bucket" : object[0];
            assertThatThrownBy(() -> plans().load("team-a", fromS3(object[0], object[1]))).isInstanceOf(InvalidPlanException.class)
                    .hasMessage("s3://" + bucket + "/" + object[1] + " is not a plan this namespace can read: " + allowed);
        }
        assertThat(plans().load("team-b", fromS3(null, "plans/team-b/secret.jmx")).content()).as("its own namespace reads it").isEqualTo(plan);
    }

    private static JmeterPlanSpec fromS3(String bucket, String key) {
        S3ObjectRef ref = new S3ObjectRef();
        ref.setBucket(bucket);
        ref.setKey(key);
        JmeterPlanSpec spec = new JmeterPlanSpec();
        spec.setS3(ref);
        return spec;
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
        assertFails(TestSpecs.jmeterFromConfigMap("../kube-system/plans", "plan.jmx"), "spec.scenario.jmeter.configMapRef.name",
                "must be a Kubernetes object name");
        assertFails(fromConfigMap("missing.jmx"), "spec.scenario.jmeter.configMapRef", "ConfigMap perf/plans has no key missing.jmx");
        assertFails(fromS3(null, "plans/perf/nope.jmx"), "spec.scenario.jmeter.s3",
                "s3://default-bucket/plans/perf/nope.jmx is not a plan this namespace can read");
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
