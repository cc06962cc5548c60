package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Thresholds judged by the packaged operator on real runs: against a target that fails every 4th
 * request the error-rate threshold breaks (verdict Failed, run still Succeeded), against a healthy
 * target every threshold holds (verdict Passed); both verdicts reach the Passed condition, an Event,
 * the history, the kubectl columns and DynamoDB. A threshold on an unknown label is refused.
 */
@ExtendWith(LocalCloudExtension.class)
class ThresholdVerdictEndToEndTest {

    private CloudTestBed bed;
    private LoadTests tests;
    private TargetServer failing;
    private TargetServer healthy;

    @BeforeEach
    void start(CloudTestBed bed) throws Exception {
        this.bed = bed;
        tests = bed.tests();
        failing = bed.target("127.0.98.21", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)).withErrorRate(0.25));
        healthy = bed.target("127.0.98.22", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)));
    }

    @Test
    void aFailingAndAPassingRunEachGetTheirVerdict() {
        tests.apply(loadTest("breaks", failing, """
                    - {metric: errorRate, below: 1%}
                    - {metric: p95, label: page, below: 5s}"""));
        tests.apply(loadTest("holds", healthy, """
                    - {metric: errorRate, below: 1%}
                    - {metric: p95, label: page, below: 5s}
                    - {metric: requests, above: 10}"""));

        // the run itself worked: its phase says so; the verdict says the system under test failed
        LoadTestView broken = bed.awaitSucceeded("breaks", Duration.ofMinutes(2));
        LoadTestView held = bed.awaitSucceeded("holds", Duration.ofMinutes(2));

        assertThat(broken.result().get("verdict")).isEqualTo("Failed");
        double errorRate = LoadTestView.number(broken.result().get("errorRate"));
        assertThat(errorRate).isEqualTo(100.0 * failing.counters().errors() / failing.counters().requests(), within(0.001));
        Map<String, Object> brokenPassed = broken.condition("Passed");
        assertThat(brokenPassed.get("status")).isEqualTo("False");
        assertThat(brokenPassed.get("reason")).isEqualTo("ThresholdsBroken");
        assertThat((String) brokenPassed.get("message")).startsWith("Failed: 1 of 2 thresholds broken: errorRate below 1%: ")
                .contains("(FAIL)").contains("p95[page] below 5s: ");
        assertThat(tests.eventsOf("breaks")).anySatisfy(e -> {
            assertThat(e.get("reason")).isEqualTo("ThresholdsBroken");
            assertThat(e.get("type")).isEqualTo("Warning");
        });

        assertThat(held.result().get("verdict")).isEqualTo("Passed");
        Map<String, Object> heldPassed = held.condition("Passed");
        assertThat(heldPassed.get("status")).isEqualTo("True");
        assertThat((String) heldPassed.get("message")).startsWith("Passed: all 3 thresholds met: errorRate below 1%: 0.00% (pass)");
        assertThat(tests.eventsOf("holds")).anySatisfy(e -> assertThat(e.get("reason")).isEqualTo("ThresholdsMet"));
        assertThat(held.status().get("workers")).isEqualTo("2/2");
        assertThat((String) held.status().get("p95")).endsWith("ms");
        List<Map<String, Object>> history = LoadTestView.list(held.status().get("history"));
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.get("verdict")).isEqualTo("Passed");
            assertThat(LoadTestView.number(h.get("rps"))).isPositive();
            assertThat(h.get("p95Ms")).isEqualTo(held.result().get("p95Ms"));
            assertThat(h.get("errorRate")).isEqualTo(held.result().get("errorRate"));
        });

        Map<String, AttributeValue> run = runItem("default/breaks");
        assertThat(run.get("verdict").s()).isEqualTo("Failed");
        assertThat(run.get("generation").n()).isEqualTo("1");
        assertThat(run.get("spec").s()).contains("\"thresholds\"").contains("errorRate");
        assertThat(runItem("default/holds").get("verdict").s()).isEqualTo("Passed");
        tests.delete("breaks");
        tests.delete("holds");
    }

    @Test
    void aThresholdOnALabelTheScenarioDoesNotHaveIsRefused() {
        tests.apply(loadTest("unknown-label", healthy, """
                    - {metric: p95, label: checkout, below: 300ms}"""));

        LoadTestView failed = tests.await("unknown-label", LoadTestView::terminal, Duration.ofSeconds(30));

        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.message()).contains("spec.thresholds[0].label: 'checkout' is not a request label of spec.scenario.requests");
        assertThat(tests.pods("unknown-label")).isEmpty();
        tests.delete("unknown-label");
    }

    private static String loadTest(String name, TargetServer target, String thresholds) {
        return """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario:
                    requests: [{label: page, url: "%spage"}]
                  load: {concurrency: 2, rampUp: 1s, holdFor: 2s}
                  workers: [{backend: eks-fargate, count: 2}]
                  thresholds:
                %s
                """.formatted(name, target.baseUri(), thresholds.stripIndent().indent(4).stripTrailing());
    }

    private Map<String, AttributeValue> runItem(String testId) {
        var items = bed.runItems(testId);
        assertThat(items).hasSize(1);
        return items.getFirst();
    }
}
