package dev.dlt.operator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Binds a resource's {@code spec} and never fails: JSON that does not fit the classes yields an
 * empty spec that keeps the JSON and names the field ({@link LenientSpec#bindingProblem()}).
 * Without this, one LoadTest with {@code concurrency: lots} fails the informer's list, and with it
 * the whole operator.
 */
public class LenientSpecDeserializer extends JsonDeserializer<LenientSpec> implements ContextualDeserializer {

    private final JavaType type;

    public LenientSpecDeserializer() {
        this(null);
    }

    private LenientSpecDeserializer(JavaType type) {
        this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        JavaType target = property != null ? property.getType() : ctxt.getContextualType();
        return new LenientSpecDeserializer(target);
    }

    @Override
    public LenientSpec deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        JsonNode json = parser.readValueAsTree();
        if (json == null || json.isNull()) {
            return null;
        }
        try {
            if (!json.isObject()) {
                throw MismatchedInputException.from(parser, type, "not an object");
            }
            return ctxt.readTreeAsValue(json, type);
        } catch (IOException | RuntimeException e) {
            // whatever the JSON holds, it must not fail the list or watch of every resource
            LenientSpec spec = empty();
            spec.markUnbound(json, problem(json, e));
            return spec;
        }
    }

    private LenientSpec empty() throws JsonMappingException {
        try {
            return (LenientSpec) type.getRawClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new JsonMappingException(null, "cannot create " + type, e);
        }
    }

    static BindingProblem problem(JsonNode json, Exception e) {
        StringBuilder field = new StringBuilder("spec");
        JsonNode node = json;
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() == null) {
                    field.append('[').append(ref.getIndex()).append(']');
                    node = node == null ? null : node.get(ref.getIndex());
                } else {
                    field.append(ref.getFrom() instanceof Map<?, ?> ? "[\"" + ref.getFieldName() + "\"]" : "." + ref.getFieldName());
                    node = node == null ? null : node.get(ref.getFieldName());
                }
            }
        }
        if (!(e instanceof DatabindException)) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new BindingProblem(field.toString(), "cannot be read: " + printable(message, 120));
        }
        Class<?> target = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? mismatch.getTargetType() : null;
        return new BindingProblem(field.toString(), "must be " + expected(target) + ", was " + describe(node));
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "of the type the schema gives";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(target)) {
            return "a map";
        }
        return "an object";
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "something else";
        }
        if (node.isTextual()) {
            return "'" + printable(node.textValue(), 40) + "'";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return printable(node.toString(), 40);
    }

    /** Cut to {@code max} characters, control characters escaped: the text ends up in a one-line status message. */
    private static String printable(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        StringBuilder out = new StringBuilder();
        cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
