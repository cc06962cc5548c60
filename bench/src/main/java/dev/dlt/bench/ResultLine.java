package dev.dlt.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one machine-readable line a benchmark prints last: {@code RESULT bench=<id> key=value ...},
 * values without spaces. The suite reads it from the benchmark's output.
 */
public final class ResultLine {

    public static final String PREFIX = "RESULT ";

    private final Map<String, String> values = new LinkedHashMap<>();

    public ResultLine(String bench) {
        values.put("bench", bench);
    }

    public ResultLine put(String key, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(value);
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace) || key.contains("=")) {
            throw new IllegalArgumentException("not a result value: " + key + "=" + text);
        }
        values.put(key, text);
        return this;
    }

    /** Prints the line on stdout. */
    public void print() {
        StringBuilder line = new StringBuilder(PREFIX.trim());
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        System.out.println(line);
        System.out.flush();
    }

    /** The values of the last RESULT line of {@code output}; empty if there is none. */
    public static Map<String, String> parseLast(String output) {
        Map<String, String> result = new LinkedHashMap<>();
        String last = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith(PREFIX)) {
                last = line;
            }
        }
        if (last != null) {
            for (String field : last.substring(PREFIX.length()).trim().split("\\s+")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    result.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
        }
        return result;
    }
}
