package dev.dlt.agent.engine.nativehttp;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request's connection goes: scheme, host and port of its URL, plus the Host header value
 * for it (the port only when it is not the scheme's default).
 */
record Origin(boolean tls, String host, int port, String hostHeader) {

    static Origin of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "http" -> false;
            case "https" -> true;
            default -> throw new IllegalArgumentException("only http and https URLs are supported: " + url);
        };
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no (valid) host: " + url);
        }
        int defaultPort = tls ? 443 : 80;
        int port = url.getPort() == -1 ? defaultPort : url.getPort();
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        // URI keeps the brackets of an IPv6 literal; they belong in the Host header but not in the address
        String address = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new Origin(tls, address, port, hostHeader);
    }
}
