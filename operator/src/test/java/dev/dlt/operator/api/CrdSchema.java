package dev.dlt.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structural schema of a generated CRD's {@code spec}, applied to a JSON value the way the API
 * server applies it: types, required fields, lengths, bounds, patterns (as RE2 reads them: {@code $}
 * only at the end) and the {@code x-kubernetes-validations} CEL rules, evaluated with CEL-Java.
 * Returns "path: reason" lines, paths in the validator's notation.
 */
public final class CrdSchema {

    private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS).addVar("self", SimpleType.DYN).build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private final JsonNode spec;

    private CrdSchema(JsonNode spec) {
        this.spec = spec;
    }

    /** The spec schema of a CRD file in the generated (or committed) CRD directory. */
    public static CrdSchema of(String crdFile) {
        Path dir = Path.of(System.getProperty("dlt.crds.generated", "target/classes/META-INF/fabric8"));
        try {
            JsonNode crd = new YAMLMapper().readTree(dir.resolve(crdFile).toFile());
            return new CrdSchema(crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CrdSchema loadTests() {
        return of("loadtests.load.dlt.dev-v1.yml");
    }

    /** The schema node at a JSON pointer below spec, e.g. {@code /properties/load/properties/concurrency}. */
    public JsonNode at(String pointer) {
        return spec.at(pointer);
    }

    public List<String> violations(JsonNode value) {
        List<String> out = new ArrayList<>();
        check("spec", spec, value, out);
        return out;
    }

    private static void check(String path, JsonNode schema, JsonNode value, List<String> out) {
        String type = schema.path("type").asText();
        if (!hasType(type, value)) {
            out.add(path + ": must be of type " + type);
            return;
        }
        if (value.isTextual()) {
            int length = value.textValue().codePointCount(0, value.textValue().length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                out.add(path + ": longer than " + schema.get("maxLength").asInt());
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                out.add(path + ": shorter than " + schema.get("minLength").asInt());
            }
            if (schema.has("pattern") && !re2(schema.get("pattern").asText()).matcher(value.textValue()).find()) {
                out.add(path + ": does not match " + schema.get("pattern").asText());
            }
        }
        if (value.isNumber()) {
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                out.add(path + ": above " + schema.get("maximum").asDouble());
            }
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                out.add(path + ": below " + schema.get("minimum").asDouble());
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(path + ": more than " + schema.get("maxItems").asInt() + " items");
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                check(path + "[" + i + "]", schema.get("items"), value.get(i), out);
            }
        }
        if (value.isObject()) {
            if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
                out.add(path + ": more than " + schema.get("maxProperties").asInt() + " properties");
            }
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    out.add(path + "." + required.asText() + ": is required");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (schema.has("properties") && schema.get("properties").has(field.getKey())) {
                    check(path + "." + field.getKey(), schema.get("properties").get(field.getKey()), field.getValue(), out);
                } else if (schema.has("additionalProperties")) {
                    check(path + "[\"" + field.getKey() + "\"]", schema.get("additionalProperties"), field.getValue(), out);
                } // unknown fields are pruned by the API server
            }
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            if (!cel(rule.get("rule").asText(), value)) {
                out.add(path + ": " + rule.get("message").asText());
            }
        }
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    /** Go's RE2 reads {@code $} as the end of the text; Java's {@code $} also matches before a final line break. */
    private static Pattern re2(String pattern) {
        return Pattern.compile(pattern.endsWith("$") ? pattern.substring(0, pattern.length() - 1) + "\\z" : pattern);
    }

    static boolean cel(String rule, JsonNode self) {
        try {
            Object result = RUNTIME.createProgram(CEL.compile(rule).getAst()).eval(Map.of("self", plain(self)));
            return Boolean.TRUE.equals(result);
        } catch (Exception e) {
            String value = self.toString();
            throw new IllegalStateException("CEL rule " + rule + " failed on " + (value.length() > 200 ? value.substring(0, 200) + "…" : value)
                    + ": " + e.getMessage(), e);
        }
    }

    private static Object plain(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node instanceof ArrayNode array) {
            List<Object> list = new ArrayList<>();
            array.forEach(e -> list.add(plain(e)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isNull() ? null : node.asText();
    }
}
