package dev.dlt.localcloud.kube.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables, discovery and watch events of the kubectl gateway, from a CRD with its own printer columns and a fixed clock. */
class ServerTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.dev}
            spec:
              group: example.dev
              scope: Namespaced
              names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
              versions:
              - name: v1
                served: true
                storage: true
                subresources: {status: {}}
                schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                additionalPrinterColumns:
                - {name: Phase, type: string, jsonPath: .status.phase}
                - {name: First, type: integer, jsonPath: ".spec.parts[0].count"}
                - {name: Age, type: date, jsonPath: .metadata.creationTimestamp, priority: 1}
            """;

    private final ApiCatalog catalog = new ApiCatalog(JSON, List.of(Serialization.unmarshal(CRD, CustomResourceDefinition.class)));

    @Test
    void aTableHasTheCrdsColumnsAfterNameWithCellsFromTheirJsonPaths() throws Exception {
        JsonNode list = JSON.readTree("""
                {"kind": "List", "metadata": {"resourceVersion": "12"}, "items": [
                  {"metadata": {"name": "a", "creationTimestamp": "2026-01-01T00:00:00Z"}, "spec": {"parts": [{"count": 3}]}, "status": {"phase": "Running"}},
                  {"metadata": {"name": "b", "creationTimestamp": "2026-01-01T00:04:30Z"}}]}
                """);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:05:00Z"), ZoneOffset.UTC);

        JsonNode table = new ServerTable(JSON, clock).of(catalog.find("example.dev", "v1", "widgets").orElseThrow(), list, null);

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("12");
        List<String> names = new ArrayList<>();
        table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText() + "/" + c.path("priority").asInt()));
        assertThat(names).containsExactly("Name/0", "Phase/0", "First/0", "Age/1");
        assertThat(table.path("rows").get(0).path("cells").toString()).isEqualTo("[\"a\",\"Running\",3,\"5m\"]");
        assertThat(table.path("rows").get(1).path("cells").toString()).isEqualTo("[\"b\",null,null,\"30s\"]");
        assertThat(table.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    }

    @Test
    void ageReadsAsKubernetesPrintsIt() {
        assertThat(TableColumn.humanAge(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(TableColumn.humanAge(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(TableColumn.humanAge(Duration.ofMinutes(75))).isEqualTo("75m");
        assertThat(TableColumn.humanAge(Duration.ofMinutes(310))).isEqualTo("5h10m");
        assertThat(TableColumn.humanAge(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(TableColumn.humanAge(Duration.ofHours(76))).isEqualTo("3d4h");
    }

    @Test
    void discoveryListsTheCrdWithItsShortNamesAndStatusSubresource() {
        JsonNode groups = catalog.discovery("/apis").orElseThrow();
        assertThat(groups.toString()).contains("\"name\":\"example.dev\"", "\"groupVersion\":\"example.dev/v1\"");
        JsonNode resources = catalog.discovery("/apis/example.dev/v1").orElseThrow();
        assertThat(resources.path("resources").get(0).path("shortNames").get(0).asText()).isEqualTo("wd");
        assertThat(resources.path("resources").get(1).path("name").asText()).isEqualTo("widgets/status");
        assertThat(catalog.discovery("/apis/other.dev/v1")).isEmpty();
        assertThat(catalog.discovery("/api/v1").orElseThrow().toString()).contains("\"name\":\"pods\"", "\"name\":\"events\"");
    }

    @Test
    void aWatchReportsAddsChangesAndDeletesAfterItsResourceVersion() throws Exception {
        List<List<JsonNode>> lists = new ArrayList<>(List.of(
                List.of(object("a", "1", "5"), object("b", "2", "9")),
                List.of(object("a", "1", "10"), object("b", "2", "9"), object("c", "3", "11")),
                List.of(object("a", "1", "10"))));
        ApiWatch watch = new ApiWatch(() -> lists.removeFirst(), "8");

        assertThat(events(watch)).containsExactly("ADDED b");
        assertThat(events(watch)).containsExactly("MODIFIED a", "ADDED c");
        assertThat(events(watch)).containsExactlyInAnyOrder("DELETED b", "DELETED c");
    }

    private static List<String> events(ApiWatch watch) {
        return watch.poll().stream().map(e -> e.type() + " " + e.object().path("metadata").path("name").asText()).toList();
    }

    private static JsonNode object(String name, String uid, String resourceVersion) throws Exception {
        return JSON.readTree("{\"metadata\": {\"name\": \"%s\", \"uid\": \"%s\", \"resourceVersion\": \"%s\"}}".formatted(name, uid, resourceVersion));
    }
}
