package dev.dlt.localcloud.target;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The requests a {@link TargetServer} counts as matching: those that carry {@code header} exactly once
 * with exactly {@code value}, and exactly {@code body} (byte for byte, nothing more).
 *
 * @param header the header name, case-insensitive as in HTTP
 * @param value  the exact header value (HTTP drops the spaces around a value, so they cannot tell requests apart)
 * @param body   the exact request body
 */
public record RequestMatch(String header, String value, byte[] body) {

    public RequestMatch {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(value, "value");
        body = body.clone();
    }

    /** Matches {@code header: value} with the UTF-8 bytes of {@code body}. */
    public static RequestMatch of(String header, String value, String body) {
        return new RequestMatch(header, value, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether a request with these values of the header (null when absent) and this body matches. */
    boolean matches(List<String> headerValues, byte[] requestBody) {
        return headerValues != null && headerValues.equals(List.of(value)) && Arrays.equals(body, requestBody);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestMatch m && header.equalsIgnoreCase(m.header) && value.equals(m.value) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header.toLowerCase(Locale.ROOT), value, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RequestMatch[" + header + ": " + value + " with a " + body.length + "-byte body]";
    }
}
