package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A LoadTest with a bad spec ends Failed, says which field is wrong, and launches nothing; that holds
 * for JSON of the wrong type (the operator keeps running) and for a JMeter plan of another namespace.
 */
@ExtendWith(LocalCloudExtension.class)
class InvalidSpecEndToEndTest {

    private LoadTests tests;

    @BeforeEach
    void start(LocalCloud cloud) {
        tests = new LoadTests(cloud.kubernetes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zero-workers   | url: http://127.0.0.1:9/ | holdFor: 5s | count: 0 | spec.workers[0].count: must be at least 1",
        "missing-url    | label: x                 | holdFor: 5s | count: 1 | spec.scenario.requests[0].url: is required",
        "bad-duration   | url: http://127.0.0.1:9/ | holdFor: 5 minutes | count: 1 | spec.load.holdFor: '5 minutes' is not a duration",
    })
    void failsNamingTheFieldAndLaunchesNothing(String name, String request, String holdFor, String count, String expected) {
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario: {requests: [{%s}]}
                  load: {concurrency: 1, %s}
                  workers: [{backend: eks-fargate, %s}]
                """.formatted(name, request, holdFor, count));

        assertFailedNamingTheField(name, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "type-error      | {requests: [{url: 'http://127.0.0.1:9/'}]} | {concurrency: lots, holdFor: 5s} | [{backend: eks-fargate, count: 1}] | spec.load.concurrency: must be a whole number, was 'lots'",
        "zero-hold       | {requests: [{url: 'http://127.0.0.1:9/'}]} | {concurrency: 1, holdFor: 0s}    | [{backend: eks-fargate, count: 1}] | spec.load.holdFor: must be longer than 0s",
        "crlf-header     | {requests: [{url: 'http://127.0.0.1:9/', headers: {X-A: \"a\\r\\nX-B: 1\"}}]} | {concurrency: 1, holdFor: 5s} | [{backend: eks-fargate, count: 1}] | spec.scenario.requests[0].headers[\"X-A\"]: value must not contain CR, LF",
        "region-path     | {requests: [{url: 'http://127.0.0.1:9/'}]} | {concurrency: 1, holdFor: 5s}    | [{backend: ecs-fargate, testRegionRef: ../../kube-system/x, count: 1}] | spec.workers[0].testRegionRef: must be a Kubernetes object name",
        "other-namespace | {jmeter: {s3: {key: plans/team-b/secret.jmx}}} | {concurrency: 1, holdFor: 5s} | [{backend: eks-fargate, count: 1}] | spec.scenario.jmeter.s3: s3://dlt-local/plans/team-b/secret.jmx is not a plan this namespace can read",
    })
    void failsNamingTheFieldOfNewLimitsTypeErrorsAndForeignPlans(String name, String scenario, String load, String workers, String expected,
                                                                 LocalCloud cloud) {
        cloud.s3().putObject(b -> b.bucket(LocalCloud.BUCKET).key("plans/team-b/secret.jmx"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("<jmeterTestPlan/>"));
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  engine: taurus
                  scenario: %s
                  load: %s
                  workers: %s
                """.formatted(name, scenario, load, workers));

        assertFailedNamingTheField(name, expected);
    }

    private void assertFailedNamingTheField(String name, String expected) {
        LoadTestView failed = tests.await(name, LoadTestView::terminal, Duration.ofSeconds(30));

        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.message()).contains(expected);
        assertThat(LoadTestView.list(failed.status().get("conditions")))
                .anySatisfy(c -> {
                    assertThat(c.get("type")).isEqualTo("Valid");
                    assertThat(c.get("status")).isEqualTo("False");
                    assertThat(c.get("reason")).isEqualTo("InvalidSpec");
                    assertThat((String) c.get("message")).contains(expected);
                });
        assertThat(tests.eventsOf(name)).anySatisfy(e -> {
            assertThat(e.get("reason")).isEqualTo("InvalidSpec");
            assertThat(e.get("type")).isEqualTo("Warning");
            assertThat((String) e.get("message")).contains(expected);
        });
        assertThat(failed.run()).isEmpty();
        assertThat(tests.pods(name)).isEmpty();
        tests.delete(name);
    }
}
