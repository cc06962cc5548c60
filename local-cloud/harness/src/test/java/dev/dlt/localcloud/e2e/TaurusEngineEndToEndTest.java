package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * {@code engine: taurus} on the local cloud with the real bzt 1.17.0 and JMeter 5.6.3
 * ({@link RealTaurusCloudExtension}): 2 workers per test against the local target, whose counts the
 * status must equal. Short runs on purpose: each worker starts a JMeter JVM.
 */
@ExtendWith(RealTaurusCloudExtension.class)
class TaurusEngineEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"sku\":42}";

    private LocalCloud cloud;
    private Path artifacts;
    private LoadTests tests;
    private TargetServer target;

    @BeforeEach
    void start(LocalCloud cloud, RealTaurusCloudExtension.ArtifactsRoot artifacts) throws Exception {
        this.cloud = cloud;
        this.artifacts = artifacts.dir();
        tests = new LoadTests(cloud.kubernetes());
        target = TargetServer.start(InetAddress.getByName("127.0.98.3"), 0, TargetConfig.DEFAULT);
    }

    @AfterEach
    void stop() {
        target.close();
    }

    @Test
    void simpleScenarioOnTwoWorkersMatchesWhatTheTargetCounted() throws Exception {
        // 80 % of requests take 2 ms, 20 % take 60 ms; every 20th request is a 500
        target.reconfigure(TargetConfig.DEFAULT.withErrorRate(0.05).withLatencyMix(List.of(
                new TargetConfig.Latency(4, Duration.ofMillis(2)), new TargetConfig.Latency(1, Duration.ofMillis(60)))));
        String url = target.baseUri().toString();
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: taurus-http, namespace: default}
                spec:
                  engine: taurus
                  scenario:
                    requestTimeout: 5s
                    requests:
                      - {label: page, url: "%spage", headers: {X-Dlt-Run: e2e}}
                      - {label: api, url: "%sapi", method: POST, headers: {Content-Type: application/json}, body: '%s'}
                  load: {concurrency: 2, rampUp: 1s, holdFor: 4s}
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(url, url, BODY));

        LoadTestView done = tests.await("taurus-http", LoadTestView::terminal, Duration.ofMinutes(2));

        assertThat(done.phase()).as(done.message()).isEqualTo("Succeeded");
        Map<String, Object> result = done.result();
        long requests = (long) LoadTestView.number(result.get("requests"));
        assertThat(requests).isPositive().isEqualTo(target.counters().requests());
        assertThat((long) LoadTestView.number(result.get("failures"))).isPositive().isEqualTo(target.counters().errors());
        Map<String, Long> byPath = target.counters().requestsByPath();
        assertThat(byPath).containsOnlyKeys("/page", "/api");
        assertThat(target.counters().requestsByMethod()).containsEntry("POST", byPath.get("/api")).containsEntry("GET", byPath.get("/page"));
        assertThat(target.counters().requestBodyBytes()).isEqualTo(byPath.get("/api") * BODY.length());
        List<Map<String, Object>> labels = LoadTestView.list(result.get("perLabel"));
        assertThat(labels).extracting(l -> l.get("label")).containsExactlyInAnyOrder("page", "api");
        for (Map<String, Object> label : labels) {
            assertThat((long) LoadTestView.number(label.get("requests"))).as("requests of %s", label.get("label"))
                    .isEqualTo(byPath.get("/" + label.get("label")));
        }
        // exact percentiles from the workers' kpi.jtl: the median in the fast 2 ms class, p95 in the slow 60 ms one
        assertThat(result.get("percentilesExact")).isEqualTo(true);
        assertThat(LoadTestView.number(result.get("p50Ms"))).isGreaterThanOrEqualTo(2.0).isLessThan(60.0);
        assertThat(LoadTestView.number(result.get("p95Ms"))).isGreaterThanOrEqualTo(60.0).isLessThan(200.0);

        String prefix = resultPrefix("taurus-http", done);
        assertThat(keys(prefix)).contains("w0.xml", "w0.hdr.json", "w0.json", "w0.bzt.log", "w0.jmeter.log",
                "w1.xml", "w1.hdr.json", "w1.json", "w1.bzt.log", "w1.jmeter.log", "leader.json");
        List<String> uploaded = new ArrayList<>();
        for (String worker : List.of("w0", "w1")) {
            String bztLog = text(prefix + worker + ".bzt.log");
            assertThat(bztLog).contains("Taurus CLI Tool v1.17.0").contains("Done performing with code: 0");
            // Taurus' own results.xml, byte for byte the one bzt's log says it dumped
            Matcher dumped = Pattern.compile("Dumping final status as XML: (\\S+)").matcher(bztLog);
            assertThat(dumped.find()).as("%s.bzt.log names its results.xml", worker).isTrue();
            assertThat(Path.of(dumped.group(1))).startsWith(artifacts).hasBinaryContent(bytes(prefix + worker + ".xml"));
            uploaded.add(dumped.group(1));
            assertRanRampUpPlusHoldFor(prefix + worker + ".json", Duration.ofSeconds(5));
        }
        assertThat(uploaded).doesNotHaveDuplicates();
        // live records follow each worker's kpi.jtl: the timeline's intervals add up to the result
        assertThat(keys(prefix)).contains("w0.live.json", "w1.live.json");
        com.fasterxml.jackson.databind.JsonNode timeline = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(bytes(prefix.substring(0, prefix.length() - "eks/".length()) + "timeline.json"));
        long inTimeline = 0;
        for (com.fasterxml.jackson.databind.JsonNode point : timeline.get("points")) {
            inTimeline += point.get("total").get("requests").asLong();
        }
        assertThat(inTimeline).as("requests in the timeline").isPositive().isLessThanOrEqualTo(requests);
        if (timeline.get("missedIntervals").asLong() == 0) {
            assertThat(inTimeline).as("the intervals add up to the result").isEqualTo(requests);
        }
        Map<String, Object> run = done.run();
        assertThat(LoadTestView.number(LoadTestView.map(run.get("workers")).get("reported"))).isEqualTo(2);
        assertThat(Duration.between(Instant.parse((String) run.get("startedAt")), Instant.parse((String) run.get("finishedAt"))))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        tests.delete("taurus-http");
    }

    @Test
    void zippedPlanWithCsvAndPluginFromAConfigMapRunsOnTwoWorkers() throws Exception {
        byte[] zip = zip(planZip(target.baseUri().getPort()));
        cloud.kubernetes().configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName("csv-suite")
                .endMetadata().withBinaryData(Map.of("suite.zip", Base64.getEncoder().encodeToString(zip))).build()).create();
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: taurus-plan, namespace: default}
                spec:
                  engine: taurus
                  scenario: {jmeter: {configMapRef: {name: csv-suite, key: suite.zip}}}
                  load: {concurrency: 2, holdFor: 3s}
                  workers: [{backend: eks-fargate, count: 2}]
                """);

        LoadTestView done = tests.await("taurus-plan", LoadTestView::terminal, Duration.ofMinutes(2));

        assertThat(done.phase()).as(done.message()).isEqualTo("Succeeded");
        // the plan's users read data/users.csv: the target saw its values, and only them
        assertThat(target.counters().requestsByPath()).containsOnlyKeys("/users/alice", "/users/bob", "/users/carol");
        long requests = (long) LoadTestView.number(done.result().get("requests"));
        assertThat(requests).isPositive().isEqualTo(target.counters().requests());
        assertThat((long) LoadTestView.number(done.result().get("failures"))).isZero();
        assertThat(LoadTestView.list(done.result().get("perLabel"))).extracting(l -> l.get("label")).containsExactly("user page");
        assertThat(LoadTestView.number(LoadTestView.map(done.run().get("workers")).get("reported"))).isEqualTo(2);
        String prefix = resultPrefix("taurus-plan", done);
        for (String worker : List.of("w0", "w1")) {
            // the plan's Concurrency Thread Group ran from the zip's plugins/ (the workers' JMeter has no plugins)
            assertThat(text(prefix + worker + ".jmeter.log")).contains("/lib/ext/jmeter-plugins-casutg-2.10.jar")
                    .contains("ConcurrencyThreadStarter: Start supplying threads").contains("FileServer: Stored: data/users.csv");
            assertRanRampUpPlusHoldFor(prefix + worker + ".json", Duration.ofSeconds(3));
        }
        tests.delete("taurus-plan");
    }

    /** The worker completed without flags, and bzt ran at least ramp-up + hold-for. */
    private void assertRanRampUpPlusHoldFor(String reportKey, Duration planned) throws IOException {
        JsonNode report = JSON.readTree(text(reportKey));
        assertThat(report.path("outcome").asText()).as(reportKey).isEqualTo("COMPLETED");
        assertThat(report.path("flags").isArray()).as(reportKey).isTrue();
        assertThat(report.path("flags")).as(reportKey).isEmpty();
        assertThat(report.path("samples").asLong()).as(reportKey).isPositive();
        assertThat(report.path("finishedAtMs").asLong() - report.path("startedAtMs").asLong()).as(reportKey)
                .isGreaterThanOrEqualTo(planned.toMillis());
    }

    private static String resultPrefix(String test, LoadTestView done) {
        return "results/default/" + test + "/" + done.run().get("id") + "/eks/";
    }

    private List<String> keys(String prefix) {
        return cloud.s3().listObjectsV2(b -> b.bucket(LocalCloud.BUCKET).prefix(prefix)).contents().stream()
                .map(o -> o.key().substring(prefix.length())).toList();
    }

    private String text(String key) {
        return new String(bytes(key), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String key) {
        return cloud.s3().getObject(b -> b.bucket(LocalCloud.BUCKET).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    /**
     * The load tester's real JMeter plan (a Concurrency Thread Group reading data/users.csv) for this
     * port, with the Custom Thread Groups plugin Maven fetched for the load tester's tests.
     */
    private static Map<String, byte[]> planZip(int port) throws IOException {
        Path loadTester = LocalCloudExtension.root().resolve("load-tester-image");
        String plan = Files.readString(loadTester.resolve("src/test/resources/taurus/csv-users-plan.jmx"))
                .replace("@PORT@", Integer.toString(port)).replace("127.0.0.1", "127.0.98.3");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("suite/plan.jmx", plan.getBytes(StandardCharsets.UTF_8));
        entries.put("suite/data/users.csv", "alice\nbob\ncarol\n".getBytes(StandardCharsets.UTF_8));
        Path plugins = loadTester.resolve("target/jmeter-plugins");
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.filter(j -> j.getFileName().toString().matches("jmeter-plugins-(casutg|cmn-jmeter)-.*\\.jar")).toList()) {
                entries.put("plugins/" + jar.getFileName(), Files.readAllBytes(jar));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(plugins + " is missing: build load-tester-image first (mvn -pl local-cloud/harness -am ...)", e);
        }
        assertThat(entries.keySet()).as("plugin jars from " + plugins).hasSize(4);
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
