package dev.dlt.localcloud.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code fieldSelector} of equalities and inequalities ({@code involvedObject.name=x,metadata.name!=y}),
 * which the mock server does not apply; kubectl's describe, delete --wait and get use them.
 */
record FieldSelector(List<Term> terms) {

    record Term(String path, String value, boolean equal) {
    }

    static FieldSelector parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return new FieldSelector(List.of());
        }
        String decoded = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        return new FieldSelector(java.util.Arrays.stream(decoded.split(",")).filter(t -> !t.isBlank()).map(term -> {
            boolean equal = !term.contains("!=");
            String[] parts = term.split(equal ? "==?" : "!=", 2);
            return new Term(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "", equal);
        }).toList());
    }

    /** The value this selector requires of {@code path}, if it has an equality on it. */
    java.util.Optional<String> equalTo(String path) {
        return terms.stream().filter(t -> t.equal() && t.path().equals(path)).map(Term::value).findFirst();
    }

    boolean matches(JsonNode object) {
        for (Term term : terms) {
            JsonNode value = TableColumn.select(object, "." + term.path());
            String actual = value == null || value.isNull() ? "" : value.asText();
            if (actual.equals(term.value()) != term.equal()) {
                return false;
            }
        }
        return true;
    }
}
