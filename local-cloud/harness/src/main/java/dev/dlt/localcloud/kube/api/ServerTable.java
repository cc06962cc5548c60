package dev.dlt.localcloud.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;

/**
 * Turns objects into the {@code meta.k8s.io/v1} Table that kubectl asks for
 * ({@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}), with the resource's columns.
 */
final class ServerTable {

    private final ObjectMapper json;
    private final Clock clock;

    ServerTable(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Whether an Accept header asks for a Table. */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /**
     * The Table of {@code body} (one object or a list of them); {@code includeObject} is the query parameter
     * (None, Object, or the default PartialObjectMetadata).
     */
    ObjectNode of(ApiResource resource, JsonNode body, String includeObject) {
        List<JsonNode> objects = body.has("items") ? iterate(body.get("items")) : List.of(body);
        ObjectNode table = json.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        JsonNode listMeta = body.has("items") ? body.path("metadata") : null;
        if (listMeta != null && listMeta.has("resourceVersion")) {
            metadata.put("resourceVersion", listMeta.get("resourceVersion").asText());
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (TableColumn column : resource.columns()) {
            definitions.addObject().put("name", column.name()).put("type", column.type()).put("format", column.format())
                    .put("description", column.description()).put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            resource.columns().forEach(c -> cells.add(json.valueToTree(c.cell(object, clock.instant()))));
            if ("Object".equals(includeObject)) {
                row.set("object", object);
            } else if (!"None".equals(includeObject)) {
                row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1")
                        .set("metadata", object.path("metadata"));
            }
        }
        return table;
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
