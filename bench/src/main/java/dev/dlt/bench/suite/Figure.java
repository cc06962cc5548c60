package dev.dlt.bench.suite;

import java.util.Locale;
import java.util.Map;

/**
 * A {@code median/min/max} value of a RESULT line (or a single value), read for the table: shown as
 * "median (min–max)", and divided by a yardstick's median for a ratio.
 */
record Figure(double median, double min, double max) {

    static Figure of(Map<String, String> result, String key) {
        String value = result.get(key);
        if (value == null) {
            return null;
        }
        try {
            String[] parts = value.split("/");
            double median = Double.parseDouble(parts[0]);
            return parts.length == 3
                    ? new Figure(median, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]))
                    : new Figure(median, median, median);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String show(String format, String unit) {
        String median = String.format(Locale.ROOT, format, this.median);
        if (min == max) {
            return median + unit;
        }
        return median + unit + " (" + String.format(Locale.ROOT, format, min) + "–" + String.format(Locale.ROOT, format, max) + ")";
    }

    static String ratio(Figure a, double b) {
        return a == null || b == 0 || Double.isNaN(b) ? "" : String.format(Locale.ROOT, "%.2f", a.median / b);
    }
}
