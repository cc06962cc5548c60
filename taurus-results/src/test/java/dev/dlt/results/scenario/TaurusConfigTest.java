package dev.dlt.results.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaurusConfigTest {

    @Test
    void writesTheShapeDltWritesAndReadsItBack() throws Exception {
        TaurusConfig config = new TaurusConfig(25, "10s", "1m", "5s", List.of(
                new TaurusConfig.Request("home", "http://127.0.0.1:8080/", "GET", Map.of(), null),
                new TaurusConfig.Request("buy", "http://127.0.0.1:8080/buy", "POST",
                        Map.of("Content-Type", "application/json"), "{\"sku\":1}")));

        byte[] json = config.toJson();

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.at("/execution/0/concurrency").asInt()).isEqualTo(25);
        assertThat(root.at("/execution/0/ramp-up").asText()).isEqualTo("10s");
        assertThat(root.at("/execution/0/hold-for").asText()).isEqualTo("1m");
        assertThat(root.at("/execution/0/scenario").asText()).isEqualTo(TaurusConfig.SCENARIO);
        assertThat(root.at("/scenarios/dlt/requests/1/headers/Content-Type").asText()).isEqualTo("application/json");
        assertThat(root.at("/reporting/0/module").asText()).isEqualTo("final-stats");
        assertThat(root.at("/reporting/0/dump-xml").asText()).isEqualTo("results.xml");
        assertThat(TaurusConfig.fromJson(json)).isEqualTo(config);
    }

    @Test
    void theOpenModelTravelsUnderAKeyOfOursAndTaurusStepsUnderItsOwn() throws Exception {
        ArrivalRate arrival = new ArrivalRate(0, List.of(new ArrivalRate.Stage(java.time.Duration.ofMillis(1500), 33.333333333333336),
                new ArrivalRate.Stage(java.time.Duration.ZERO, 0.5)), 40);
        TaurusConfig config = new TaurusConfig(40, "0s", "1s", null,
                List.of(new TaurusConfig.Request("home", "http://127.0.0.1:8080/", "GET", Map.of(), null)), null, 10, arrival, 4);

        byte[] json = config.toJson();

        JsonNode execution = new ObjectMapper().readTree(json).at("/execution/0");
        assertThat(execution.path("steps").asInt()).isEqualTo(4);
        assertThat(execution.path("throughput").asInt()).isEqualTo(10);
        assertThat(execution.at("/" + TaurusConfig.ARRIVAL + "/stages/0/duration").asText()).isEqualTo("1500ms");
        assertThat(TaurusConfig.fromJson(json)).isEqualTo(config);
    }

    @Test
    void aMalformedOpenModelIsAnIoExceptionNamingIt() {
        String json = """
                {"execution": [{"concurrency": 2, "hold-for": "1m", "dlt-arrival-rate": {"start-rate": 5, "max-concurrency": 2,
                  "stages": [{"duration": "1s", "target": "lots"}]}}],
                 "scenarios": {"dlt": {"requests": ["http://127.0.0.1/"]}}}""";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaurusConfig.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class).hasMessage("invalid dlt-arrival-rate: target must be a number");
    }

    @Test
    void readsDltsOwnTestJson() throws Exception {
        // the scenario file of the DLT solution (shared/data/taurus/..._bzt-test.json)
        String dlt = """
                {"execution": [{"concurrency": 2, "ramp-up": "1m", "hold-for": "1m", "scenario": "abc"}],
                 "scenarios": {"abc": {"requests": [{"url": "https://paul-api.tallyup.com/health", "method": "GET"}]}},
                 "reporting": [{"module": "final-stats", "dump-xml": "results.xml"}]}""";
        TaurusConfig config = TaurusConfig.fromJson(dlt.getBytes(StandardCharsets.UTF_8));
        assertThat(config.concurrency()).isEqualTo(2);
        assertThat(config.rampUp()).isEqualTo("1m");
        assertThat(config.requests()).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo("https://paul-api.tallyup.com/health");
            assertThat(r.label()).isEqualTo(r.url());
        });
    }
}
