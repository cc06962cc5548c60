package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A LoadTest with a bad spec ends Failed, says which field is wrong, and launches nothing. */
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
