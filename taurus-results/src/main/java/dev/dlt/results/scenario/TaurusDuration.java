package dev.dlt.results.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Taurus' time format: a sequence of number+unit parts ({@code d h m s ms}), such as {@code 90s},
 * {@code 1m30s}, {@code 1h}, {@code 250ms}; a plain number means seconds.
 */
public final class TaurusDuration {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|d|h|m|s))+");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private TaurusDuration() {
    }

    /** Parses a duration; throws {@link IllegalArgumentException} naming the problem. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty, expected a duration such as 30s, 5m or 1h30m");
        }
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (NUMBER.matcher(value).matches()) {
            return millis(Double.parseDouble(value) * 1000);
        }
        if (!WHOLE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 30s, 5m, 1h30m or 250ms");
        }
        double total = 0;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            double n = Double.parseDouble(part.group(1));
            total += switch (part.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1_000;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                default -> n * 86_400_000;
            };
        }
        return millis(total);
    }

    /** Formats a duration the way Taurus reads it, e.g. {@code 90s} or {@code 1500ms}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    private static Duration millis(double ms) {
        if (ms > Duration.ofDays(365).toMillis()) {
            throw new IllegalArgumentException("is longer than a year");
        }
        return Duration.ofMillis(Math.round(ms));
    }
}
