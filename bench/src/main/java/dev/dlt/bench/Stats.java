package dev.dlt.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Min, median and max of repeated measurements: the form every figure of the suite is reported in. */
public record Stats(double min, double median, double max) {

    public static Stats of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1));
    }

    /** {@code median/min/max} as one token for a RESULT line, e.g. {@code 1.52/1.40/1.90}. */
    public String token(String format) {
        return String.format(Locale.ROOT, format + "/" + format + "/" + format, median, min, max);
    }
}
