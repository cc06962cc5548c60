package dev.dlt.operator.validation;

import dev.dlt.operator.api.HeaderFromSpec;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.SecretKeyRefSpec;
import dev.dlt.operator.api.ValueFromSpec;
import dev.dlt.operator.api.SpecLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the requests of a scenario: URL, method, label (bounded, unique), headers and body. */
final class RequestRules {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern HEADER_NAME = Pattern.compile(SpecLimits.HEADER_NAME);
    private static final Set<String> ENGINE_HEADERS = Set.of("content-length", "transfer-encoding");

    private RequestRules() {
    }

    static void check(List<HttpRequestSpec> requests, List<Violation> violations) {
        if (requests.size() > SpecLimits.MAX_REQUESTS) {
            violations.add(new Violation("spec.scenario.requests", "at most " + SpecLimits.MAX_REQUESTS + " requests are allowed, was "
                    + requests.size()));
            return;
        }
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            HttpRequestSpec r = requests.get(i);
            String path = "spec.scenario.requests[" + i + "]";
            if (r == null) {
                violations.add(new Violation(path, "is empty"));
                continue;
            }
            url(path + ".url", r.getUrl(), violations);
            if (r.getMethod() != null && !r.getMethod().isEmpty() && !METHODS.contains(r.getMethod())) {
                violations.add(new Violation(path + ".method", "must be one of " + METHODS + ", was " + FieldRules.quote(r.getMethod())));
            }
            label(path + ".label", r.getLabel(), violations);
            if (r.getLabel() != null && !r.getLabel().isEmpty()) {
                Integer first = labels.putIfAbsent(r.getLabel(), i);
                if (first != null) {
                    violations.add(new Violation(path + ".label", FieldRules.quote(r.getLabel()) + " is also the label of requests["
                            + first + "]; labels must be unique"));
                }
            }
            headers(path + ".headers", r.getHeaders(), violations);
            headersFrom(path, r, violations);
            if (r.getBody() != null && r.getBodyFrom() != null) {
                violations.add(new Violation(path + ".bodyFrom", "give either body or bodyFrom, not both"));
            }
            if (r.getBodyFrom() != null) {
                secretKeyRef(path + ".bodyFrom", r.getBodyFrom(), violations);
            }
            if (r.getBody() != null && r.getBody().length() > SpecLimits.MAX_BODY) {
                violations.add(new Violation(path + ".body", "must be at most " + SpecLimits.MAX_BODY + " characters, was " + r.getBody().length()));
            }
        }
    }

    private static void label(String field, String label, List<Violation> violations) {
        if (label == null) {
            return;
        }
        if (label.isEmpty()) {
            violations.add(new Violation(field, "must not be empty (the empty label is the overall result)"));
        } else if (label.length() > SpecLimits.MAX_LABEL) {
            violations.add(new Violation(field, "must be at most " + SpecLimits.MAX_LABEL + " characters, was " + label.length()));
        } else if (FieldRules.hasControlChars(label)) {
            violations.add(new Violation(field, "must not contain control characters, was " + FieldRules.quote(label)));
        }
    }

    static void url(String field, String url, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return;
        }
        if (url.length() > SpecLimits.MAX_URL) {
            violations.add(new Violation(field, "must be at most " + SpecLimits.MAX_URL + " characters, was " + url.length()));
            return;
        }
        if (FieldRules.hasControlChars(url) || url.chars().anyMatch(Character::isWhitespace)) {
            violations.add(new Violation(field, "must not contain spaces, CR, LF or other control characters, was " + FieldRules.quote(url)));
            return;
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            violations.add(new Violation(field, "must be an http:// or https:// URL, was " + FieldRules.quote(url)));
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            violations.add(new Violation(field, "is not a valid URL: " + FieldRules.quote(e.getReason()) + " at index " + e.getIndex()));
            return;
        }
        if (uri.getRawUserInfo() != null) {
            violations.add(new Violation(field, "must not carry user info (user:password@); use an Authorization header"));
        } else if (uri.getHost() == null) {
            violations.add(new Violation(field, "has no valid host: " + FieldRules.quote(url)));
        } else if (uri.getPort() == 0 || uri.getPort() > 65_535 || (uri.getPort() == -1 && hasEmptyPort(uri))) {
            violations.add(new Violation(field, "port must be 1 to 65535, was " + FieldRules.quote(String.valueOf(uri.getPort() == -1 ? "" : uri.getPort()))));
        }
    }

    private static boolean hasEmptyPort(URI uri) {
        return uri.getRawAuthority() != null && uri.getRawAuthority().endsWith(":");
    }

    private static void headers(String field, Map<String, String> headers, List<Violation> violations) {
        if (headers == null) {
            return;
        }
        if (headers.size() > SpecLimits.MAX_HEADERS) {
            violations.add(new Violation(field, "at most " + SpecLimits.MAX_HEADERS + " headers are allowed, was " + headers.size()));
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String path = field + "[\"" + FieldRules.escape(name) + "\"]";
            if (name.length() > SpecLimits.MAX_HEADER_NAME || !HEADER_NAME.matcher(name).matches()) {
                violations.add(new Violation(path, "not a valid header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~, at most "
                        + SpecLimits.MAX_HEADER_NAME + " characters)"));
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (ENGINE_HEADERS.contains(lower)) {
                violations.add(new Violation(path, "is set by the engine from the body; remove it"));
            } else if (seen.putIfAbsent(lower, name) != null) {
                violations.add(new Violation(path, "is also given as " + FieldRules.quote(seen.get(lower)) + "; header names are case-insensitive"));
            }
            String value = header.getValue();
            if (value == null) {
                violations.add(new Violation(path, "has no value"));
            } else if (value.length() > SpecLimits.MAX_HEADER_VALUE) {
                violations.add(new Violation(path, "value must be at most " + SpecLimits.MAX_HEADER_VALUE + " characters, was " + value.length()));
            } else if (FieldRules.hasControlChars(value)) {
                violations.add(new Violation(path, "value must not contain CR, LF or other control characters, was " + FieldRules.quote(value)));
            }
        }
    }

    private static void headersFrom(String path, HttpRequestSpec r, List<Violation> violations) {
        if (r.getHeadersFrom() == null) {
            return;
        }
        int plain = r.getHeaders() == null ? 0 : r.getHeaders().size();
        if (plain + r.getHeadersFrom().size() > SpecLimits.MAX_HEADERS) {
            violations.add(new Violation(path + ".headersFrom", "headers and headersFrom together allow at most " + SpecLimits.MAX_HEADERS
                    + " headers, were " + (plain + r.getHeadersFrom().size())));
            return;
        }
        Map<String, String> seen = new HashMap<>();
        if (r.getHeaders() != null) {
            r.getHeaders().keySet().forEach(name -> seen.putIfAbsent(name.toLowerCase(Locale.ROOT), "headers[\"" + FieldRules.escape(name) + "\"]"));
        }
        for (int j = 0; j < r.getHeadersFrom().size(); j++) {
            HeaderFromSpec header = r.getHeadersFrom().get(j);
            String field = path + ".headersFrom[" + j + "]";
            if (header == null || header.getName() == null) {
                violations.add(new Violation(field + ".name", "is required"));
                continue;
            }
            String name = header.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.length() > SpecLimits.MAX_HEADER_NAME || !HEADER_NAME.matcher(name).matches()) {
                violations.add(new Violation(field + ".name", "not a valid header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~, at most "
                        + SpecLimits.MAX_HEADER_NAME + " characters)"));
            } else if (ENGINE_HEADERS.contains(lower)) {
                violations.add(new Violation(field + ".name", "is set by the engine from the body; remove it"));
            } else if (seen.putIfAbsent(lower, "headersFrom[" + j + "]") != null) {
                violations.add(new Violation(field + ".name", FieldRules.quote(name) + " is also given as " + seen.get(lower)
                        + "; header names are case-insensitive"));
            }
            secretKeyRef(field + ".valueFrom", header.getValueFrom(), violations);
        }
    }

    private static void secretKeyRef(String field, ValueFromSpec from, List<Violation> violations) {
        SecretKeyRefSpec ref = from == null ? null : from.getSecretKeyRef();
        if (ref == null) {
            violations.add(new Violation(field + ".secretKeyRef", "is required"));
            return;
        }
        if (ref.getName() == null || ref.getName().isEmpty()) {
            violations.add(new Violation(field + ".secretKeyRef.name", "is required"));
        }
        if (ref.getKey() == null || ref.getKey().isEmpty()) {
            violations.add(new Violation(field + ".secretKeyRef.key", "is required"));
        }
    }
}
