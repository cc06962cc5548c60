package dev.dlt.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What {@code kubectl explain} and {@code kubectl get} show, from the generated CRDs: a description on the
 * kind and on every field at every depth, {@code kubectl get dlt} listing both kinds, an Age column, and
 * conditions as a list keyed by type.
 */
class CrdDescriptionsTest {

    private static final Path GENERATED = Path.of(System.getProperty("dlt.crds.generated", "target/classes/META-INF/fabric8"));
    private static final YAMLMapper YAML = new YAMLMapper();

    @ParameterizedTest
    @ValueSource(strings = {"loadtests.load.dlt.dev-v1.yml", "testregions.load.dlt.dev-v1.yml"})
    void everyFieldIsDescribed(String file) throws IOException {
        JsonNode schema = version(file).at("/schema/openAPIV3Schema");
        assertThat(schema.isMissingNode()).isFalse();
        List<String> fields = new ArrayList<>();
        List<String> undescribed = undescribed(schema, "", fields);
        assertThat(fields).as("fields walked").contains(".spec", ".status", ".status.conditions", ".status.conditions[].type");
        assertThat(undescribed).as(file + ": fields without a description").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loadtests.load.dlt.dev-v1.yml", "testregions.load.dlt.dev-v1.yml"})
    void bothKindsAreInTheDltCategoryAndShowTheirAge(String file) throws IOException {
        assertThat(crd(file).at("/spec/names/categories")).extracting(JsonNode::asText).containsExactly("dlt");
        assertThat(version(file).get("additionalPrinterColumns")).anySatisfy(column -> {
            assertThat(column.get("name").asText()).isEqualTo("Age");
            assertThat(column.get("type").asText()).isEqualTo("date");
            assertThat(column.get("jsonPath").asText()).isEqualTo(".metadata.creationTimestamp");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"loadtests.load.dlt.dev-v1.yml", "testregions.load.dlt.dev-v1.yml"})
    void conditionsAreAListKeyedByType(String file) throws IOException {
        JsonNode conditions = version(file).at("/schema/openAPIV3Schema/properties/status/properties/conditions");
        assertThat(conditions.get("x-kubernetes-list-type").asText()).isEqualTo("map");
        assertThat(conditions.get("x-kubernetes-list-map-keys")).extracting(JsonNode::asText).containsExactly("type");
        // the API server refuses a map key that is neither required nor defaulted
        assertThat(conditions.at("/items/required")).extracting(JsonNode::asText).contains("type");
    }

    @Test
    void theWalkFindsAFieldWithoutDescriptionAtAnyDepth() throws IOException {
        JsonNode schema = YAML.readTree("""
                description: root
                properties:
                  spec:
                    description: spec
                    properties:
                      workers:
                        description: groups
                        items:
                          properties:
                            count: {type: integer}
                      labels:
                        description: labels
                        additionalProperties:
                          properties:
                            value: {type: string}
                  status: {type: object}
                """);
        assertThat(undescribed(schema, "", new ArrayList<>()))
                .containsExactlyInAnyOrder(".spec.workers[].count", ".spec.labels{}.value", ".status");
    }

    @Test
    void finishingTwiceChangesNothing() throws IOException {
        String once = Files.readString(GENERATED.resolve("loadtests.load.dlt.dev-v1.yml"));
        assertThat(CrdSchemaFinisher.finish(once, "A distributed load test: applying one runs it; its status carries the run and the aggregated result."))
                .isEqualTo(once);
    }

    /** Paths of the root and of every property, at any depth (through items and map values), that has no description. */
    static List<String> undescribed(JsonNode schema, String path, List<String> fields) {
        List<String> missing = new ArrayList<>();
        if (path.isEmpty() && schema.path("description").asText("").isBlank()) {
            missing.add("(the kind itself)");
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            String field = path + "." + property.getKey();
            fields.add(field);
            if (property.getValue().path("description").asText("").isBlank()) {
                missing.add(field);
            }
            missing.addAll(undescribed(property.getValue(), field, fields));
        });
        if (schema.has("items")) {
            missing.addAll(undescribed(schema.get("items"), path + "[]", fields));
        }
        if (schema.path("additionalProperties").isObject()) {
            missing.addAll(undescribed(schema.get("additionalProperties"), path + "{}", fields));
        }
        return missing;
    }

    private static JsonNode crd(String file) throws IOException {
        return YAML.readTree(GENERATED.resolve(file).toFile());
    }

    private static JsonNode version(String file) throws IOException {
        return crd(file).at("/spec/versions/0");
    }
}
