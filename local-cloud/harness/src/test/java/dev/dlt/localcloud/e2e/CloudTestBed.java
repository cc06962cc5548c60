package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one end-to-end test uses of the shared local cloud: its LoadTests, the target servers it starts
 * (closed when the test ends) and what the operator stored in DynamoDB and S3. {@link LocalCloudExtension}
 * and {@link FaultCloudExtension} give one per test method, or per class when a {@code @BeforeAll} method asks for it.
 */
final class CloudTestBed implements ExtensionContext.Store.CloseableResource {

    private final LocalCloud cloud;
    private final LoadTests tests;
    private final List<TargetServer> targets = new CopyOnWriteArrayList<>();

    private CloudTestBed(LocalCloud cloud) {
        this.cloud = cloud;
        this.tests = new LoadTests(cloud.kubernetes());
    }

    /** The bed of the test (or class) that {@code context} runs, on {@code cloud}; its store closes it when that ends. */
    static CloudTestBed of(ExtensionContext context, LocalCloud cloud) {
        return context.getStore(ExtensionContext.Namespace.create(CloudTestBed.class))
                .getOrComputeIfAbsent(CloudTestBed.class, k -> new CloudTestBed(cloud), CloudTestBed.class);
    }

    LocalCloud cloud() {
        return cloud;
    }

    LoadTests tests() {
        return tests;
    }

    /** A target server on {@code loopback} (a 127.x.y.z address of this test's own), closed when the test ends. */
    TargetServer target(String loopback, TargetConfig config) throws IOException {
        TargetServer target = TargetServer.start(InetAddress.getByName(loopback), 0, config);
        targets.add(target);
        return target;
    }

    /** Applies a LoadTest whose 2 workers would load {@code target} for 10 minutes, and waits until it is Running and they do. */
    void startLongRun(String name, TargetServer target) {
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario: {requests: [{url: "%s"}]}
                  load: {concurrency: 2, holdFor: 10m}
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(name, target.baseUri()));
        tests.await(name, v -> "Running".equals(v.phase()), Duration.ofSeconds(60));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> target.counters().requests() > 0);
    }

    /** Checks that {@code target} gets no request for half a second: the workers have stopped. */
    static void assertNoMoreLoad(TargetServer target) throws InterruptedException {
        long after = target.counters().requests();
        Thread.sleep(500);
        assertThat(target.counters().requests()).as("no load after the workers stopped").isEqualTo(after);
    }

    /** Waits for the LoadTest to end and checks that its run succeeded (the message tells why when not). */
    LoadTestView awaitSucceeded(String name, Duration timeout) {
        LoadTestView done = tests.await(name, LoadTestView::terminal, timeout);
        assertThat(done.phase()).as(done.message()).isEqualTo("Succeeded");
        return done;
    }

    /** The DynamoDB items of the test's runs (sort keys RUN#...), oldest first. */
    List<Map<String, AttributeValue>> runItems(String testId) {
        return cloud.dynamo().query(b -> b.tableName(LocalCloud.TABLE).keyConditionExpression("testId = :t AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(testId), ":r", AttributeValue.fromS("RUN#")))).items();
    }

    /** One DynamoDB item of the test (e.g. sort key LATEST); empty when there is none. */
    Map<String, AttributeValue> item(String testId, String sk) {
        return cloud.dynamo().getItem(b -> b.tableName(LocalCloud.TABLE)
                .key(Map.of("testId", AttributeValue.fromS(testId), "sk", AttributeValue.fromS(sk)))).item();
    }

    /** An object of the results bucket, as text. */
    String object(String key) {
        return cloud.s3().getObjectAsBytes(b -> b.bucket(LocalCloud.BUCKET).key(key)).asString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        targets.forEach(TargetServer::close);
    }
}
