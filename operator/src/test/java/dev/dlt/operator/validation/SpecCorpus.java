package dev.dlt.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dlt.operator.api.LoadTest;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The invalid-spec corpus ({@code validation/invalid-specs.yaml}): each case a merge patch onto a valid spec. */
public final class SpecCorpus {

    public static final String BASE = """
            scenario: {requests: [{label: home, url: "http://127.0.0.1:9/"}]}
            load: {concurrency: 5, rampUp: 1s, holdFor: 5s}
            workers: [{backend: eks-fargate, count: 3}]
            """;
    static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern REPEAT = Pattern.compile("\\$\\{(.)\\*(\\d+)}");

    /** One invalid spec: the path its violation names, a part of the message, whether the CRD schema rejects it too. */
    public record Case(String name, String field, String message, boolean schema, JsonNode spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    private SpecCorpus() {
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = SpecCorpus.class.getResourceAsStream("/validation/invalid-specs.yaml")) {
            for (JsonNode c : YAML.readTree(in)) {
                cases.add(new Case(c.get("case").asText(), expand(c.get("field").asText()), expand(c.get("message").asText()),
                        c.path("schema").asBoolean(false), spec(expand(c.get("patch")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cases.add(new Case("101-requests", "spec.scenario.requests", "at most 100 requests are allowed, was 101", true,
                spec(patch("scenario", "requests", repeat(101, i -> Map.of("label", "r" + i, "url", "http://127.0.0.1:9/"))))));
        Map<String, String> headers = new java.util.TreeMap<>();
        for (int i = 0; i < 51; i++) {
            headers.put("X-H" + i, "v");
        }
        cases.add(new Case("51-headers", "spec.scenario.requests[0].headers", "at most 50 headers are allowed, was 51", true,
                spec(patch("scenario", "requests", List.of(Map.of("label", "a", "url", "http://127.0.0.1:9/", "headers", headers))))));
        List<Map<String, Object>> groups = new ArrayList<>(repeat(21, i -> Map.of("backend", "ecs-fargate", "testRegionRef", "r" + i, "count", 1)));
        cases.add(new Case("21-worker-groups", "spec.workers", "at most 20 worker groups are allowed, was 21", true,
                spec(YAML.valueToTree(Map.of("workers", groups)))));
        return cases;
    }

    /** The base spec with a JSON merge patch (RFC 7386) applied. */
    public static JsonNode spec(JsonNode patch) {
        try {
            return merge(YAML.readTree(BASE), patch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode spec(String patchYaml) {
        try {
            return spec(expand(YAML.readTree(patchYaml)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec as the operator's informer would bind it, through the same serialization. */
    public static LoadTest loadTest(JsonNode spec) {
        ObjectNode test = JsonNodeFactory.instance.objectNode();
        test.put("apiVersion", "load.dlt.dev/v1alpha1").put("kind", "LoadTest");
        test.putObject("metadata").put("name", "corpus").put("namespace", "team-a");
        test.set("spec", spec);
        return new KubernetesSerialization().unmarshal(test.toString(), LoadTest.class);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || !target.isObject()) {
            return patch;
        }
        ObjectNode result = ((ObjectNode) target).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), result.has(e.getKey()) ? merge(result.get(e.getKey()), e.getValue()) : e.getValue());
            }
        }
        return result;
    }

    private static JsonNode expand(JsonNode node) {
        return YAML.valueToTree(expandValue(YAML.convertValue(node, Object.class)));
    }

    private static Object expandValue(Object value) {
        if (value instanceof String s) {
            return expand(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(expand(String.valueOf(k)), expandValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SpecCorpus::expandValue).toList();
        }
        return value;
    }

    static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        return m.appendTail(out).toString();
    }

    private static JsonNode patch(String object, String field, Object value) {
        return YAML.valueToTree(Map.of(object, Map.of(field, value)));
    }

    private static <T> List<T> repeat(int n, java.util.function.IntFunction<T> item) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item.apply(i));
        }
        return out;
    }
}
