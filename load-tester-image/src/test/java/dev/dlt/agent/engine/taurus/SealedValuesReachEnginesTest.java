package dev.dlt.agent.engine.taurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlt.agent.scenario.HttpRequestSpec;
import dev.dlt.agent.scenario.PlanReader;
import dev.dlt.results.scenario.SealedRequestValues;
import dev.dlt.results.scenario.TaurusConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario as the worker agent opens it (see WorkerAgent): both engines see the Secret values, not placeholders. */
class SealedValuesReachEnginesTest {

    private static final byte[] RUN_SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String HEADER = SealedRequestValues.headerPlaceholder(1, "Authorization");
    private static final String BODY = SealedRequestValues.bodyPlaceholder(1);

    private static byte[] opened() throws Exception {
        byte[] scenario = new TaurusConfig(1, "0s", "2s", null, List.of(
                new TaurusConfig.Request("plain", "http://127.0.0.1:9/a", "GET", Map.of("Accept", "text/plain"), null),
                new TaurusConfig.Request("login", "http://127.0.0.1:9/b", "POST", Map.of("Authorization", HEADER), BODY))).toJson();
        byte[] sealed = SealedRequestValues.seal(scenario, Map.of(HEADER, "Bearer tok-42", BODY, "pw=hunter2"), RUN_SECRET);
        assertFalse(new String(sealed, StandardCharsets.UTF_8).contains("tok-42"));
        return SealedRequestValues.open(sealed, RUN_SECRET);
    }

    @Test
    void theBuiltInEngineSendsTheValues() throws Exception {
        List<HttpRequestSpec> requests = PlanReader.read(opened()).requests();
        assertEquals("text/plain", requests.get(0).headers().get("Accept"));
        assertEquals("Bearer tok-42", requests.get(1).headers().get("Authorization"));
        assertEquals("pw=hunter2", requests.get(1).body());
    }

    @Test
    void theBztConfigCarriesTheValuesWhereTaurusReadsThem() throws Exception {
        JsonNode config = BztConfig.build(opened(), Path.of("artifacts"), null, null);
        JsonNode request = config.path("scenarios").path(TaurusConfig.SCENARIO).path("requests").path(1);
        assertEquals("Bearer tok-42", request.path("headers").path("Authorization").asText());
        assertEquals("pw=hunter2", request.path("body").asText());
        assertFalse(config.has(SealedRequestValues.KEY), "bzt gets no sealed values");
    }
}
