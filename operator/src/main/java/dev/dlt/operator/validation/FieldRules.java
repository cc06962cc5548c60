package dev.dlt.operator.validation;

import dev.dlt.operator.api.SpecLimits;
import dev.dlt.results.scenario.TaurusDuration;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The checks several spec fields share: durations, object names, text without control characters; each adds a {@link Violation}. */
final class FieldRules {

    static final Pattern DURATION = Pattern.compile(SpecLimits.DURATION);
    static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile(SpecLimits.DNS_1123_SUBDOMAIN);
    static final Pattern CONTROL_CHARS = Pattern.compile(SpecLimits.CONTROL_CHARS);
    private static final int QUOTED = 64;

    private FieldRules() {
    }

    /** A duration in Taurus' format within (0 or more than 0, max]. */
    static void duration(String field, String value, boolean required, boolean zeroAllowed, String max, List<Violation> violations) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "is required (e.g. 30s, 5m)"));
            }
            return;
        }
        if (value.length() > SpecLimits.MAX_DURATION_TEXT || !DURATION.matcher(value).matches()) {
            violations.add(new Violation(field, quote(value) + " is not a duration; use e.g. 30s, 5m, 1h30m or 250ms"));
            return;
        }
        Duration parsed;
        try {
            parsed = TaurusDuration.parse(value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be at most " + max + ", was " + quote(value)));
            return;
        }
        if (!zeroAllowed && parsed.isZero()) {
            violations.add(new Violation(field, "must be longer than 0s, was " + quote(value)));
        } else if (parsed.compareTo(TaurusDuration.parse(max)) > 0) {
            violations.add(new Violation(field, "must be at most " + max + ", was " + quote(value)));
        }
    }

    /** A Kubernetes object name, checked before it becomes part of an API path. */
    static void objectName(String field, String value, List<Violation> violations) {
        if (value == null || value.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else if (value.length() > SpecLimits.MAX_NAME || !DNS_1123_SUBDOMAIN.matcher(value).matches()) {
            violations.add(new Violation(field, "must be a Kubernetes object name (at most 253 lowercase letters, digits, '-' and '.'), was "
                    + quote(value)));
        }
    }

    static boolean hasControlChars(String value) {
        return CONTROL_CHARS.matcher(value).find();
    }

    /** A value for a message: quoted, control characters escaped (a message must stay one line), long values cut. */
    static String quote(String value) {
        return "'" + escape(value) + "'" + (value.length() > QUOTED ? " (" + value.length() + " characters)" : "");
    }

    /** The value with control characters escaped, cut after 64 characters. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length(), QUOTED);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return value.length() > QUOTED ? out.append('…').toString() : out.toString();
    }
}
