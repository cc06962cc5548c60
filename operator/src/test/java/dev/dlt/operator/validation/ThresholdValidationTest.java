package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.ThresholdSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid thresholds are rejected before anything runs, naming the field. */
class ThresholdValidationTest {

    private final SpecValidator validator = new SpecValidator();

    @Test
    void validThresholdsPass() {
        assertThat(problems(t("p95", null, "300ms", null), t("errorRate", "home", "1%", null), t("rps", null, null, "100"),
                t("requests", "http://127.0.0.1:8080/other", null, "10"))).isEmpty();
    }

    @Test
    void namesTheFieldOfEachProblem() {
        assertThat(problems(t("p95", null, "300ms", null), t("p95", null, "fast", null))).containsExactly(
                "spec.thresholds[1].below: 'fast' is not a bound; p95 takes a duration such as 300ms, 1.5s or 1m");
        assertThat(problems(t("latency", null, "1s", null))).containsExactly(
                "spec.thresholds[0].metric: 'latency' is not a metric; use one of p50, p90, p95, p99, max, avg, errorRate, rps, requests");
        assertThat(problems(t("errorRate", null, null, "1"))).containsExactly(
                "spec.thresholds[0].above: '1' is not a percentage from 0% to 100%; errorRate takes a percentage such as 1% or 0.5%");
        assertThat(problems(t("p99", null, "1s", "2s"))).containsExactly("spec.thresholds[0].above: set exactly one of below or above");
        assertThat(problems(t("p99", null, null, null))).containsExactly("spec.thresholds[0].below: set exactly one of below or above");
        assertThat(problems(t(null, null, "1s", null))).singleElement().asString().startsWith("spec.thresholds[0].metric: is required");
    }

    @Test
    void anAbortDelayIsADurationAndNeedsAbortOnFail() {
        ThresholdSpec aborting = t("errorRate", null, "5%", null);
        aborting.setAbortOnFail(true);
        aborting.setAbortDelay("45s");
        assertThat(problems(aborting)).isEmpty();
        aborting.setAbortDelay("soon");
        assertThat(problems(aborting)).containsExactly("spec.thresholds[0].abortDelay: 'soon' is not a duration such as 30s or 2m");
        ThresholdSpec delayOnly = t("p95", null, "300ms", null);
        delayOnly.setAbortDelay("1m");
        assertThat(problems(delayOnly)).containsExactly("spec.thresholds[0].abortDelay: applies only with abortOnFail: true");
        ThresholdSpec relative = t("p95", null, "10%", null);
        relative.setRelativeTo("baseline");
        relative.setAbortOnFail(true);
        assertThat(problems(relative)).contains("spec.thresholds[0].abortOnFail: cannot be used with relativeTo: baseline; give an absolute bound");
    }

    @Test
    void aLabelMustBeARequestLabelOfTheScenario() {
        assertThat(problems(t("p95", "checkout", "300ms", null))).containsExactly(
                "spec.thresholds[0].label: 'checkout' is not a request label of spec.scenario.requests (labels: 'home', "
                        + "'http://127.0.0.1:8080/other')");
    }

    @Test
    void aJmeterPlanAcceptsAnyLabelSinceItsSamplersAreNotKnownBeforeTheRun() {
        LoadTestSpec spec = TestSpecs.valid();
        spec.getScenario().setRequests(null);
        spec.getScenario().setJmeter(TestSpecs.jmeterFromConfigMap("plan", "plan.jmx"));
        spec.setEngine("taurus");
        spec.setThresholds(List.of(t("p95", "Login sampler", "300ms", null)));
        assertThat(validator.validate(spec)).isEmpty();
    }

    @Test
    void wholeNumbersMayBeWrittenWithoutQuotesFractionsNeedThem() {
        LoadTest test = parse("""
                    - {metric: rps, above: 400}
                    - {metric: rps, below: "2.5"}
                    - {metric: p95, below: 300}""");
        assertThat(test.getSpec().bindingProblem()).isNull();
        assertThat(test.getSpec().getThresholds().get(0).toThreshold().bound()).isEqualTo(400.0);
        assertThat(test.getSpec().getThresholds().get(1).toThreshold().bound()).isEqualTo(2.5);
        assertThat(validator.validate(test.getSpec()).stream().map(Violation::toString)).containsExactly(
                "spec.thresholds[2].below: '300' is not a duration; p95 takes a duration such as 300ms, 1.5s or 1m");

        // an unquoted fraction is neither an integer nor a string: refused naming the field, as the API server does
        assertThat(validator.validate(parse("    - {metric: rps, above: 2.5}").getSpec()).stream().map(Violation::toString))
                .singleElement().asString().startsWith("spec.thresholds[0].above: ");
    }

    private static LoadTest parse(String thresholds) {
        return new KubernetesSerialization().unmarshal("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: t, namespace: default}
                spec:
                  scenario: {requests: [{label: home, url: "http://127.0.0.1:8080/"}]}
                  load: {concurrency: 1, holdFor: 5s}
                  workers: [{backend: eks-fargate, count: 1}]
                  thresholds:
                %s
                """.formatted(thresholds.stripIndent().indent(4).stripTrailing()), LoadTest.class);
    }

    private List<String> problems(ThresholdSpec... thresholds) {
        LoadTestSpec spec = TestSpecs.valid();
        HttpRequestSpec unlabelled = new HttpRequestSpec();
        unlabelled.setUrl("http://127.0.0.1:8080/other");
        spec.getScenario().getRequests().add(unlabelled);
        spec.setThresholds(new ArrayList<>(List.of(thresholds)));
        return validator.validate(spec).stream().map(Violation::toString).toList();
    }

    static ThresholdSpec t(String metric, String label, String below, String above) {
        ThresholdSpec t = new ThresholdSpec();
        t.setMetric(metric);
        t.setLabel(label);
        t.setBelow(below == null ? null : new IntOrString(below));
        t.setAbove(above == null ? null : new IntOrString(above));
        return t;
    }
}
