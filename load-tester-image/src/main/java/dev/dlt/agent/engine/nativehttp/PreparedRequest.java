package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.scenario.HttpRequestSpec;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One request of the plan, encoded once into the exact bytes sent on the wire. */
record PreparedRequest(String label, int origin, byte[] bytes, boolean head) {

    static final String USER_AGENT = "DLT-NativeHttpEngine/1.0";

    /** Framing and connection management belong to the engine, so these spec headers are dropped. */
    private static final Set<String> ENGINE_HEADERS = Set.of("content-length", "transfer-encoding", "connection");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    static PreparedRequest of(HttpRequestSpec spec, int originIndex, Origin origin) {
        requireToken(spec.method(), "method");
        byte[] body = spec.body() == null ? null : spec.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(spec.method()).append(' ').append(target(spec)).append(" HTTP/1.1\r\n");
        boolean hasHost = containsHeader(spec.headers(), "host");
        if (!hasHost) {
            head.append("Host: ").append(origin.hostHeader()).append("\r\n");
        }
        for (Map.Entry<String, String> header : spec.headers().entrySet()) {
            String name = header.getKey().trim();
            requireToken(name, "header name");
            if (ENGINE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String value = header.getValue() == null ? "" : header.getValue().trim();
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " contains a line break");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        }
        if (!containsHeader(spec.headers(), "user-agent")) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (body != null || BODY_METHODS.contains(spec.method())) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("Connection: keep-alive\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = headBytes;
        if (body != null && body.length > 0) {
            bytes = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
            System.arraycopy(body, 0, bytes, headBytes.length, body.length);
        }
        return new PreparedRequest(spec.label(), originIndex, bytes, spec.method().equals("HEAD"));
    }

    private static String target(HttpRequestSpec spec) {
        String path = spec.url().getRawPath();
        String target = path == null || path.isEmpty() ? "/" : path;
        String query = spec.url().getRawQuery();
        return query == null ? target : target + "?" + query;
    }

    private static boolean containsHeader(Map<String, String> headers, String lowerCaseName) {
        for (String name : headers.keySet()) {
            if (name.trim().equalsIgnoreCase(lowerCaseName)) {
                return true;
            }
        }
        return false;
    }

    private static void requireToken(String value, String what) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!tchar) {
                throw new IllegalArgumentException("invalid " + what + ": " + value);
            }
        }
    }
}
