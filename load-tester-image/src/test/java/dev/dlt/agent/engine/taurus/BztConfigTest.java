package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusConfig.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config handed to bzt matches the scenario the operator wrote, field by field. */
class BztConfigTest {

    private static final Path ARTIFACTS = Path.of("/tmp/artifacts/run-1");

    @Test
    void simpleScenarioKeepsDltShapeAndAddsWhatTheWorkerNeeds() throws IOException {
        TaurusConfig scenario = new TaurusConfig(25, "30s", "5m", "10s", List.of(
                new Request("checkout", "https://api.example.com/checkout", "POST",
                        Map.of("Content-Type", "application/json", "X-Run", "7"), "{\"sku\": 1}"),
                new Request("https://api.example.com/health", "https://api.example.com/health", "GET", Map.of(), null)));

        ObjectNode config = BztConfig.build(scenario.toJson(), ARTIFACTS, null, null);

        JsonNode execution = config.path("execution");
        assertThat(execution.size()).isEqualTo(1);
        assertThat(execution.get(0).path("executor").asText()).isEqualTo("jmeter");
        assertThat(execution.get(0).path("concurrency").asInt()).isEqualTo(25);
        assertThat(execution.get(0).path("ramp-up").asText()).isEqualTo("30s");
        assertThat(execution.get(0).path("hold-for").asText()).isEqualTo("5m");
        assertThat(execution.get(0).path("scenario").asText()).isEqualTo(TaurusConfig.SCENARIO);
        JsonNode dlt = config.path("scenarios").path(TaurusConfig.SCENARIO);
        assertThat(dlt.path("timeout").asText()).isEqualTo("10s");
        assertThat(dlt.has("script")).isFalse();
        JsonNode requests = dlt.path("requests");
        assertThat(requests.size()).isEqualTo(2);
        assertThat(requests.get(0).path("label").asText()).isEqualTo("checkout");
        assertThat(requests.get(0).path("url").asText()).isEqualTo("https://api.example.com/checkout");
        assertThat(requests.get(0).path("method").asText()).isEqualTo("POST");
        assertThat(requests.get(0).path("headers").path("Content-Type").asText()).isEqualTo("application/json");
        assertThat(requests.get(0).path("headers").path("X-Run").asText()).isEqualTo("7");
        assertThat(requests.get(0).path("body").asText()).isEqualTo("{\"sku\": 1}");
        assertThat(requests.get(1).path("label").asText()).isEqualTo("https://api.example.com/health");
        assertThat(requests.get(1).path("method").asText()).isEqualTo("GET");
        assertThat(requests.get(1).has("headers")).isFalse();
        assertThat(requests.get(1).has("body")).isFalse();
        // and the scenario still reads back as the one the operator wrote
        assertThat(TaurusConfig.fromJson(config.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(scenario);

        assertWorkerSettings(config);
        assertThat(config.path("modules").path("jmeter").has("path")).isFalse();
    }

    @Test
    void jmeterScenarioRunsTheExtractedPlanWithTheImagesJmeter() throws IOException {
        TaurusConfig scenario = new TaurusConfig(10, "1m", "10m", null, List.of(), "plan.zip");
        Path jmx = Path.of("/tmp/dlt-w1/plan/load/plan.jmx");

        ObjectNode config = BztConfig.build(scenario.toJson(), ARTIFACTS, new JmeterPlan(jmx), Path.of("/opt/jmeter"));

        JsonNode execution = config.path("execution").get(0);
        assertThat(execution.path("executor").asText()).isEqualTo("jmeter");
        assertThat(execution.path("concurrency").asInt()).isEqualTo(10);
        assertThat(execution.path("ramp-up").asText()).isEqualTo("1m");
        assertThat(execution.path("hold-for").asText()).isEqualTo("10m");
        JsonNode dlt = config.path("scenarios").path(execution.path("scenario").asText());
        assertThat(dlt.path("script").asText()).isEqualTo(jmx.toString());
        assertThat(dlt.has("requests")).isFalse();
        assertThat(config.path("modules").path("jmeter").path("path").asText()).isEqualTo("/opt/jmeter/bin/jmeter");
        assertWorkerSettings(config);
    }

    @Test
    void operatorsOwnReportersAndSettingsAreKeptWithExactlyOneFinalStats() throws IOException {
        String json = """
                {"execution": [{"concurrency": 2, "hold-for": "1m", "scenario": "abc"}],
                 "scenarios": {"abc": {"requests": [{"url": "https://example.com/"}]}},
                 "settings": {"env": {"TARGET": "blue"}},
                 "reporting": [{"module": "console"}, "final-stats"]}
                """;

        ObjectNode config = BztConfig.build(json.getBytes(StandardCharsets.UTF_8), Path.of("/tmp/art%Y"), null, null);

        assertThat(config.path("execution").get(0).path("executor").asText()).isEqualTo("jmeter");
        assertThat(config.path("settings").path("env").path("TARGET").asText()).isEqualTo("blue");
        assertThat(config.path("settings").path("artifacts-dir").asText()).isEqualTo("/tmp/art%%Y");
        JsonNode reporting = config.path("reporting");
        assertThat(reporting.size()).isEqualTo(2);
        assertThat(reporting.get(0).path("module").asText()).isEqualTo("console");
        assertThat(reporting.get(1).path("module").asText()).isEqualTo("final-stats");
        assertThat(reporting.get(1).path("dump-xml").asText()).isEqualTo("/tmp/art%Y/results.xml");
    }

    @Test
    void aConfigWithoutExecutionIsRefused() {
        assertThatThrownBy(() -> BztConfig.build("{\"scenarios\": {}}".getBytes(StandardCharsets.UTF_8), ARTIFACTS, null, null))
                .isInstanceOf(IOException.class).hasMessage("the Taurus config has no execution");
    }

    private static void assertWorkerSettings(JsonNode config) {
        assertThat(config.path("settings").path("artifacts-dir").asText()).isEqualTo(ARTIFACTS.toString());
        assertThat(config.path("settings").path("check-updates").asBoolean(true)).isFalse();
        assertThat(config.path("modules").path("console").path("disable").asBoolean()).isTrue();
        JsonNode flags = config.path("modules").path("jmeter").path("csv-jtl-flags");
        // a plan brings its plugins in its zip: bzt must not look for (and download) any at run time
        assertThat(config.path("modules").path("jmeter").path("detect-plugins").asBoolean(true)).isFalse();
        for (String flag : List.of("fieldNames", "timestamp", "time", "label", "success")) {
            assertThat(flags.path(flag).asBoolean()).as("csv-jtl-flags.%s", flag).isTrue();
        }
        JsonNode reporting = config.path("reporting");
        assertThat(reporting.size()).isEqualTo(1);
        JsonNode finalStats = reporting.get(0);
        assertThat(finalStats.path("module").asText()).isEqualTo("final-stats");
        assertThat(finalStats.path("dump-xml").asText()).isEqualTo(ARTIFACTS.resolve("results.xml").toString());
        for (String option : List.of("summary", "percentiles", "summary-labels", "test-duration")) {
            assertThat(finalStats.path(option).asBoolean()).as(option).isTrue();
        }
    }
}
