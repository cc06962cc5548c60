package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds to the generated CRDs what fabric8's crd-generator 7.5 has no annotation for: the description of
 * the kind itself (from {@link JsonClassDescription}) and {@code status.conditions} as a list keyed by
 * {@code type} ({@code x-kubernetes-list-type: map}). Runs in the build after the generator
 * ({@code process-classes}); edits the YAML by lines so that the generator's formatting is kept.
 */
public final class CrdSchemaFinisher {

    static final Map<String, Class<?>> KINDS = Map.of(
            "loadtests.load.dlt.dev-v1.yml", LoadTest.class,
            "testregions.load.dlt.dev-v1.yml", TestRegion.class);

    private CrdSchemaFinisher() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/classes/META-INF/fabric8");
        for (var kind : KINDS.entrySet()) {
            Path file = dir.resolve(kind.getKey());
            String description = kind.getValue().getAnnotation(JsonClassDescription.class).value();
            Files.writeString(file, finish(Files.readString(file), description));
        }
    }

    /** The CRD with the root description and the keyed conditions list; unchanged when both are there already. */
    static String finish(String crd, String description) {
        List<String> lines = new ArrayList<>(crd.lines().toList());
        int root = indexOf(lines, "      openAPIV3Schema:", 0);
        if (!lines.get(root + 1).startsWith("        description:")) {
            lines.add(root + 1, "        description: " + quoted(description));
        }
        int conditions = indexOf(lines, "              conditions:", indexOf(lines, "          status:", root));
        int end = conditions + 1;
        while (end < lines.size() && indent(lines.get(end)) > 14) {
            end++;
        }
        if (!lines.subList(conditions, end).contains("                x-kubernetes-list-type: \"map\"")) {
            lines.addAll(end, List.of(
                    "                x-kubernetes-list-map-keys:",
                    "                - \"type\"",
                    "                x-kubernetes-list-type: \"map\""));
        }
        return String.join("\n", lines) + "\n";
    }

    private static int indexOf(List<String> lines, String line, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i;
            }
        }
        throw new IllegalStateException("the generated CRD has no line '" + line.strip() + "' (did the generator's layout change?)");
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
