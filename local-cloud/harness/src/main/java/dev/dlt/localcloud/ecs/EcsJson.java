package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the optional fields of ECS JSON requests. */
final class EcsJson {

    private EcsJson() {
    }

    /** The text of a field, or null when it is absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
