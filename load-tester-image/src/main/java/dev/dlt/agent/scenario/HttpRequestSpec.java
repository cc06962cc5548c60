package dev.dlt.agent.scenario;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** One HTTP request of a simple scenario, as in a Taurus {@code scenarios.<name>.requests[]} entry. */
public record HttpRequestSpec(String label, URI url, String method, Map<String, String> headers, String body) {

    public HttpRequestSpec {
        Objects.requireNonNull(url, "url");
        method = method == null || method.isBlank() ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        label = label == null || label.isBlank() ? url.toString() : label;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
