package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The generated LoadTest CRD carries the limits, patterns and CEL rules of the API classes, so a real API server refuses what breaks them. */
class CrdSchemaTest {

    private final CrdSchema schema = CrdSchema.loadTests();

    @Test
    void boundsTheNumbers() {
        assertThat(schema.at("/properties/load/properties/concurrency/maximum").asInt()).isEqualTo(5000);
        assertThat(schema.at("/properties/load/properties/concurrency/minimum").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/workers/items/properties/count/maximum").asInt()).isEqualTo(1000);
        assertThat(schema.at("/properties/workers/maxItems").asInt()).isEqualTo(20);
        assertThat(schema.at("/properties/healthyThreshold/default").asInt()).isEqualTo(90);
        assertThat(schema.at("/properties/healthyThreshold/minimum").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/healthyThreshold/maximum").asInt()).isEqualTo(100);
        assertThat(schema.at("/properties/healthyThreshold/description").asText()).contains("Percent of the workers");
    }

    @Test
    void boundsTheTextsAndLists() {
        JsonNode request = schema.at("/properties/scenario/properties/requests/items/properties");
        assertThat(schema.at("/properties/scenario/properties/requests/maxItems").asInt()).isEqualTo(100);
        assertThat(request.at("/label/maxLength").asInt()).isEqualTo(128);
        assertThat(request.at("/url/maxLength").asInt()).isEqualTo(2048);
        assertThat(request.at("/url/pattern").asText()).isEqualTo(SpecLimits.URL);
        assertThat(request.at("/body/maxLength").asInt()).isEqualTo(65536);
        assertThat(request.at("/headers/maxProperties").asInt()).isEqualTo(50);
        assertThat(schema.at("/properties/load/properties/holdFor/pattern").asText()).isEqualTo(SpecLimits.DURATION);
        assertThat(schema.at("/properties/workers/items/properties/testRegionRef/pattern").asText()).isEqualTo(SpecLimits.DNS_1123_SUBDOMAIN);
        assertThat(schema.at("/properties/scenario/properties/jmeter/properties/configMapRef/properties/name/pattern").asText())
                .isEqualTo(SpecLimits.DNS_1123_SUBDOMAIN);
        assertThat(schema.at("/properties/scenario/properties/jmeter/properties/s3/properties/bucket/pattern").asText()).isEqualTo(SpecLimits.S3_BUCKET);
    }

    @Test
    void carriesTheCelRules() {
        assertThat(rules("/properties/load/properties/holdFor")).contains("self.matches('[1-9]')");
        assertThat(rules("/properties/scenario/properties/requestTimeout")).contains("self.matches('[1-9]')");
        assertThat(rules("/properties/scenario/properties/requests")).contains("labels must be unique");
        assertThat(rules("/properties/workers/items")).contains("self.backend == 'ecs-fargate' ? has(self.testRegionRef)");
        assertThat(rules("/properties/workers")).contains("eks-fargate is used by two groups");
        assertThat(rules("")).contains("a JMeter plan runs on engine taurus");
        assertThat(rules("/properties/scenario/properties/jmeter/properties/s3/properties/key")).contains("'..' segments");
    }

    @Test
    void itsCelRulesDecideAsTheApiServerWould() {
        JsonNode rule = schema.at("/properties/load/properties/holdFor/x-kubernetes-validations/0/rule");
        assertThat(CrdSchema.cel(rule.asText(), json("\"0m0s\""))).isFalse();
        assertThat(CrdSchema.cel(rule.asText(), json("\"0.5s\""))).isTrue();
        JsonNode unique = schema.at("/properties/scenario/properties/requests/x-kubernetes-validations/0/rule");
        assertThat(CrdSchema.cel(unique.asText(), json("[{\"label\":\"a\"},{\"label\":\"a\"}]"))).isFalse();
        assertThat(CrdSchema.cel(unique.asText(), json("[{\"label\":\"a\"},{\"label\":\"b\"},{\"url\":\"u\"},{\"url\":\"u\"}]"))).isTrue();
    }

    private String rules(String pointer) {
        return schema.at(pointer + "/x-kubernetes-validations").toString();
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
