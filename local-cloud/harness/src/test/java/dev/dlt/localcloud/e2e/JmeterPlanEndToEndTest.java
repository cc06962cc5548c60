package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JMeter plan from a ConfigMap, run by the Taurus engine (with the stand-in bzt, since bzt comes
 * from PyPI): the plan travels through S3 to every worker, bzt starts after the leader's signal, and
 * the results it writes are collected and aggregated like any other.
 */
@ExtendWith(LocalCloudExtension.class)
class JmeterPlanEndToEndTest {

    private static final String PLAN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">
              <hashTree>
                <CSVDataSet testname="users"><stringProp name="filename">data/users.csv</stringProp></CSVDataSet>
                <HTTPSamplerProxy testname="login" enabled="true"/>
                <HTTPSamplerProxy testname="browse" enabled="true"/>
              </hashTree>
            </jmeterTestPlan>
            """;

    private LocalCloud cloud;
    private LoadTests tests;

    @BeforeEach
    void start(LocalCloud cloud) {
        this.cloud = cloud;
        tests = new LoadTests(cloud.kubernetes());
    }

    @Test
    void aZippedPlanRunsOnEveryWorkerThroughTaurus() throws Exception {
        byte[] zip = zip(Map.of("suite/plan.jmx", PLAN, "suite/data/users.csv", "alice\nbob\n", "plugins/extra.jar", "not really a jar"));
        cloud.kubernetes().configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("suite")
                .endMetadata().withBinaryData(Map.of("suite.zip", Base64.getEncoder().encodeToString(zip))).build()).create();
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: jmeter, namespace: default}
                spec:
                  engine: taurus
                  scenario: {jmeter: {configMapRef: {name: suite, key: suite.zip}}}
                  load: {concurrency: 3, holdFor: 2s}
                  workers: [{backend: eks-fargate, count: 2}]
                """);

        LoadTestView done = tests.await("jmeter", LoadTestView::terminal, Duration.ofMinutes(2));

        assertThat(done.phase()).as(done.message()).isEqualTo("Succeeded");
        // the stand-in writes 2 x concurrency samples per sampler of the plan, on each worker
        assertThat(LoadTestView.number(done.result().get("requests"))).isEqualTo(2 * 2 * 3 * 2);
        assertThat(LoadTestView.list(done.result().get("perLabel"))).extracting(l -> l.get("label"))
                .containsExactlyInAnyOrder("login", "browse");
        String run = (String) done.run().get("id");
        List<String> keys = cloud.s3().listObjectsV2(b -> b.bucket(LocalCloud.BUCKET).prefix("results/default/jmeter/" + run + "/eks/"))
                .contents().stream().map(o -> o.key().substring(o.key().lastIndexOf('/') + 1)).toList();
        assertThat(keys).contains("w0.xml", "w0.hdr.json", "w0.json", "w0.bzt.log", "w0.jmeter.log", "w1.xml", "leader.json");
        assertThat(cloud.s3().listObjectsV2(b -> b.bucket(LocalCloud.BUCKET).prefix("test-scenarios/default/jmeter/" + run + "/"))
                .contents()).extracting(o -> o.key().substring(o.key().lastIndexOf('/') + 1)).contains("plan.zip", "eks.json");
        tests.delete("jmeter");
    }

    @Test
    void aZipWithoutAPlanFailsTheTestAndLaunchesNothing() throws Exception {
        cloud.kubernetes().configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("empty")
                .endMetadata().withBinaryData(Map.of("empty.zip", Base64.getEncoder().encodeToString(zip(Map.of("readme.md", "hi")))))
                .build()).create();
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: noplan, namespace: default}
                spec:
                  engine: taurus
                  scenario: {jmeter: {configMapRef: {name: empty, key: empty.zip}}}
                  load: {concurrency: 1, holdFor: 2s}
                  workers: [{backend: eks-fargate, count: 1}]
                """);

        LoadTestView failed = tests.await("noplan", LoadTestView::terminal, Duration.ofSeconds(30));

        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.message()).contains("spec.scenario.jmeter.configMapRef: empty.zip contains no .jmx file");
        assertThat(tests.pods("noplan")).isEmpty();
        tests.delete("noplan");
    }

    private static byte[] zip(Map<String, String> files) throws Exception {
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
