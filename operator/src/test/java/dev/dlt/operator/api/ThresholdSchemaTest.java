package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The CRD schema refuses the thresholds a real API server can check: metric names, bound forms, one of below/above. */
class ThresholdSchemaTest {

    private final CrdSchema schema = CrdSchema.loadTests();

    @Test
    void acceptsEachBoundInTheFormOfItsMetric() throws Exception {
        assertThat(schema.violations(spec("""
                [{"metric": "p95", "below": "300ms"}, {"metric": "max", "below": "1.5s"}, {"metric": "errorRate", "below": "1%"},
                 {"metric": "rps", "above": "100"}, {"metric": "requests", "label": "home", "above": "10"},
                 {"metric": "rps", "above": 400}, {"metric": "requests", "below": 100000}, {"metric": "rps", "below": "2.5"}]"""))).isEmpty();
    }

    @Test
    void refusesWhatIsWrong() throws Exception {
        assertThat(schema.violations(spec("[{\"metric\": \"latency\", \"below\": \"1s\"}]"))).singleElement().asString()
                .contains("spec.thresholds[0].metric");
        assertThat(schema.violations(spec("[{\"metric\": \"p95\", \"below\": \"fast\"}]")))
                .anySatisfy(v -> assertThat(v).isEqualTo("spec.thresholds[0]: below must be a number, optionally followed by ms, s, m or %"));
        assertThat(schema.violations(spec("[{\"metric\": \"p95\", \"below\": \"1s\", \"above\": \"2s\"}]"))).singleElement().asString()
                .contains("set exactly one of below or above");
        assertThat(schema.violations(spec("[{\"metric\": \"p95\"}]"))).singleElement().asString()
                .contains("set exactly one of below or above");
        assertThat(schema.violations(spec("[{\"metric\": \"p95\", \"below\": \"300\"}]"))).singleElement().asString()
                .contains("a response-time threshold takes a duration");
        assertThat(schema.violations(spec("[{\"metric\": \"p95\", \"below\": 300}]"))).singleElement().asString()
                .contains("a response-time threshold takes a duration");
        assertThat(schema.violations(spec("[{\"metric\": \"errorRate\", \"above\": \"1\"}]"))).singleElement().asString()
                .contains("errorRate takes a percentage");
        assertThat(schema.violations(spec("[{\"metric\": \"rps\", \"above\": \"10s\"}]"))).singleElement().asString()
                .contains("rps and requests take a plain number");
    }

    @Test
    void refusesALabelThatIsNotARequestLabel() throws Exception {
        assertThat(schema.violations(spec("[{\"metric\": \"p95\", \"label\": \"checkout\", \"below\": \"1s\"}]"))).singleElement()
                .asString().contains("a threshold's label must be one of spec.scenario.requests[].label");
        assertThat(schema.violations(spec("[{\"metric\": \"p95\", \"label\": \"http://127.0.0.1:8080/other\", \"below\": \"1s\"}]")))
                .as("a request without a label is reported under its URL").isEmpty();
    }

    private static JsonNode spec(String thresholds) throws Exception {
        return new ObjectMapper().readTree("""
                {"scenario": {"requests": [{"label": "home", "url": "http://127.0.0.1:8080/"}, {"url": "http://127.0.0.1:8080/other"}]},
                 "load": {"concurrency": 1, "holdFor": "5s"},
                 "workers": [{"backend": "eks-fargate", "count": 1}],
                 "thresholds": %s}""".formatted(thresholds));
    }
}
