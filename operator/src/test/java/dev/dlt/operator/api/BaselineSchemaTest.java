package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.validation.SpecValidator;
import dev.dlt.operator.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spec.baseline and thresholds relative to it, as the CRD schema (CEL rules included) and the operator's validator check them. */
class BaselineSchemaTest {

    private final CrdSchema schema = CrdSchema.loadTests();

    @Test
    void acceptsPreviousOrARunIdWithRelativePercentages() throws Exception {
        String thresholds = "[{\"metric\": \"p95\", \"relativeTo\": \"baseline\", \"below\": \"10%\"},"
                + " {\"metric\": \"rps\", \"relativeTo\": \"baseline\", \"above\": \"5%\"}, {\"metric\": \"p95\", \"below\": \"300ms\"}]";
        assertThat(schema.violations(spec("\"previous\"", thresholds))).isEmpty();
        assertThat(schema.violations(spec("\"r20261123-100000-9f3c\"", thresholds))).isEmpty();
        assertThat(operator(spec("\"previous\"", thresholds))).isEmpty();
    }

    @Test
    void refusesAMalformedBaselineARelativeThresholdWithoutOneAndADurationAsAChange() throws Exception {
        assertThat(schema.violations(spec("\"Last Tuesday\"", "[]"))).singleElement().asString().contains("spec.baseline");
        assertThat(operator(spec("\"Last Tuesday\"", "[]"))).singleElement().asString()
                .isEqualTo("spec.baseline: 'Last Tuesday' is neither previous nor a run id (status.history[].runId)");

        String relative = "[{\"metric\": \"p95\", \"relativeTo\": \"baseline\", \"below\": \"10%\"}]";
        assertThat(schema.violations(spec(null, relative))).singleElement().asString()
                .contains("a threshold relative to the baseline needs spec.baseline");
        assertThat(operator(spec(null, relative))).singleElement().asString()
                .isEqualTo("spec.thresholds[0].relativeTo: needs spec.baseline (previous or a run id) to compare with");

        String duration = "[{\"metric\": \"p95\", \"relativeTo\": \"baseline\", \"below\": \"300ms\"}]";
        assertThat(schema.violations(spec("\"previous\"", duration))).singleElement().asString()
                .contains("a threshold relative to the baseline takes a percentage change such as 10%");
        assertThat(operator(spec("\"previous\"", duration))).singleElement().asString().contains("is not a percentage from 0% to 100%");

        assertThat(schema.violations(spec("\"previous\"", "[{\"metric\": \"p95\", \"relativeTo\": \"yesterday\", \"below\": \"10%\"}]")))
                .anySatisfy(v -> assertThat(v).contains("relativeTo"));
    }

    private List<Violation> operator(JsonNode spec) throws Exception {
        return new SpecValidator().validate(new ObjectMapper().treeToValue(spec, LoadTestSpec.class));
    }

    private static JsonNode spec(String baseline, String thresholds) throws Exception {
        return new ObjectMapper().readTree("""
                {"scenario": {"requests": [{"label": "home", "url": "http://127.0.0.1:8080/"}]},
                 "load": {"concurrency": 1, "holdFor": "5s"},
                 "workers": [{"backend": "eks-fargate", "count": 1}],%s
                 "thresholds": %s}""".formatted(baseline == null ? "" : " \"baseline\": " + baseline + ",", thresholds));
    }
}
