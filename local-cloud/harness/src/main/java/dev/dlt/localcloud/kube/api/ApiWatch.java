package dev.dlt.localcloud.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The events of one watch, found by comparing successive lists: ADDED, MODIFIED (resourceVersion
 * changed) and DELETED. Started from a resourceVersion, it reports only what changed after it.
 */
final class ApiWatch {

    record Event(String type, JsonNode object) {
    }

    private final Supplier<List<JsonNode>> list;
    private final long fromVersion;
    private Map<String, JsonNode> seen;

    ApiWatch(Supplier<List<JsonNode>> list, String resourceVersion) {
        this.list = list;
        this.fromVersion = parse(resourceVersion);
    }

    List<Event> poll() {
        Map<String, JsonNode> now = new LinkedHashMap<>();
        list.get().forEach(item -> now.put(key(item), item));
        List<Event> events = new ArrayList<>();
        if (seen == null) {
            // the first look: what the watcher has not seen yet (everything, without a resourceVersion)
            now.values().stream().filter(item -> version(item) > fromVersion).forEach(item -> events.add(new Event("ADDED", item)));
        } else {
            now.forEach((key, item) -> {
                JsonNode before = seen.get(key);
                if (before == null) {
                    events.add(new Event("ADDED", item));
                } else if (version(before) != version(item)) {
                    events.add(new Event("MODIFIED", item));
                }
            });
            seen.forEach((key, item) -> {
                if (!now.containsKey(key)) {
                    events.add(new Event("DELETED", item));
                }
            });
        }
        seen = new HashMap<>(now);
        return events;
    }

    /** The objects of the last poll. */
    java.util.Collection<JsonNode> seen() {
        return seen == null ? List.of() : seen.values();
    }

    private static String key(JsonNode item) {
        JsonNode metadata = item.path("metadata");
        return metadata.path("namespace").asText() + "/" + metadata.path("name").asText() + "/" + metadata.path("uid").asText();
    }

    private static long version(JsonNode item) {
        return parse(item.path("metadata").path("resourceVersion").asText());
    }

    private static long parse(String version) {
        try {
            return version == null || version.isEmpty() ? 0 : Long.parseLong(version);
        } catch (NumberFormatException notNumeric) {
            return 0;
        }
    }
}
