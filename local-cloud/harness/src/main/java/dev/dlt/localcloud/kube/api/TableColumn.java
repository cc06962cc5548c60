package dev.dlt.localcloud.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A column of a server-side Table: a CRD's additionalPrinterColumn (a simple JSONPath such as
 * {@code .status.result.p95Ms} or {@code .spec.workers[0].count}) or one of the built-in kinds' columns.
 */
record TableColumn(String name, String type, String format, String description, int priority, String jsonPath) {

    static TableColumn nameColumn() {
        return new TableColumn("Name", "string", "name", "Name must be unique within a namespace.", 0, ".metadata.name");
    }

    static TableColumn ageColumn() {
        return new TableColumn("Age", "date", "", "Time since the object was created.", 0, ".metadata.creationTimestamp");
    }

    /** The cell of this column for {@code object}: as the API server renders it (dates as ages, absent values as null). */
    Object cell(JsonNode object, Instant now) {
        if (jsonPath.startsWith("#")) {
            return derived(object);
        }
        JsonNode value = select(object, jsonPath);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (type.equals("date")) {
            try {
                return humanAge(Duration.between(Instant.parse(value.asText()), now));
            } catch (DateTimeParseException notADate) {
                return value.asText();
            }
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    // the columns of built-in kinds that no single JSONPath gives (as the API server's printers compute them)
    private Object derived(JsonNode object) {
        switch (jsonPath) {
            case "#ready" -> {
                JsonNode statuses = select(object, ".status.containerStatuses");
                int total = select(object, ".spec.containers") == null ? 0 : select(object, ".spec.containers").size();
                int ready = 0;
                if (statuses != null) {
                    for (JsonNode status : statuses) {
                        ready += status.path("ready").asBoolean() ? 1 : 0;
                    }
                }
                return ready + "/" + total;
            }
            case "#involvedObject" -> {
                return select(object, ".involvedObject.kind").asText().toLowerCase(java.util.Locale.ROOT) + "/"
                        + select(object, ".involvedObject.name").asText();
            }
            default -> throw new IllegalStateException("no derived column " + jsonPath);
        }
    }

    /** Follows a path of fields and list indexes ({@code .a.b[0].c}); null where it leads nowhere. */
    static JsonNode select(JsonNode node, String path) {
        String trimmed = path.startsWith("{") && path.endsWith("}") ? path.substring(1, path.length() - 1) : path;
        JsonNode current = node;
        for (String step : trimmed.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
            if (step.isEmpty()) {
                continue;
            }
            if (current == null) {
                return null;
            }
            current = current.isArray() && step.chars().allMatch(Character::isDigit) ? current.get(Integer.parseInt(step)) : current.get(step);
        }
        return current;
    }

    /** Kubernetes' HumanDuration: 45s, 3m20s, 75m, 5h10m, 30h, 3d4h, 40d, 2y. */
    static String humanAge(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (seconds < 120) {
            return seconds + "s";
        }
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? days + "d" : days + "d" + hours % 24 + "h";
        }
        return days < 730 ? days + "d" : days / 365 + "y";
    }
}
