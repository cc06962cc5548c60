package dev.dlt.operator.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a threshold from its spec text (metric name, label, below/above) and says what is wrong with
 * it, field by field: a duration for the response times ({@code 300ms}, {@code 1.5s}), a percentage
 * for {@code errorRate} ({@code 1%}), a plain number for {@code rps} and {@code requests}.
 */
public final class ThresholdParser {

    /** The bound forms the CRD schema accepts: a number, optionally followed by a time unit or {@code %}. */
    public static final String BOUND = "^\\d{1,12}(\\.\\d{1,6})?(ms|s|m|%)?$";
    /** The one value of {@code relativeTo}. */
    public static final String RELATIVE_TO_BASELINE = "baseline";
    private static final Pattern BOUND_PATTERN = Pattern.compile(BOUND);
    private static final Pattern PLAIN = Pattern.compile("^\\d{1,12}(\\.\\d{1,6})?$");
    private static final Pattern PERCENT = Pattern.compile("^(\\d{1,3}(\\.\\d{1,6})?)%$");
    private static final Pattern TIME = Pattern.compile("^\\d{1,12}(\\.\\d{1,6})?(ms|s|m)$");

    /** A problem with one field of a threshold ({@code metric}, {@code label}, {@code below} or {@code above}). */
    public record Problem(String field, String message) {
    }

    /** The threshold, or the problems that keep it from being one. */
    public record Parsed(Threshold threshold, List<Problem> problems) {
    }

    private ThresholdParser() {
    }

    public static Parsed parse(String metricName, String label, String below, String above) {
        return parse(metricName, label, below, above, null);
    }

    /**
     * @param relativeTo {@code baseline} for a bound that is a percentage change from the baseline run's value, or null
     */
    public static Parsed parse(String metricName, String label, String below, String above, String relativeTo) {
        List<Problem> problems = new ArrayList<>();
        if (relativeTo != null && !RELATIVE_TO_BASELINE.equals(relativeTo)) {
            problems.add(new Problem("relativeTo", shown(relativeTo) + " is not supported; the only value is " + RELATIVE_TO_BASELINE));
        }
        ThresholdMetric metric = ThresholdMetric.bySpecName(metricName).orElse(null);
        if (metric == null) {
            problems.add(new Problem("metric", (metricName == null ? "is required" : shown(metricName) + " is not a metric")
                    + "; use one of " + ThresholdMetric.NAMES.replace("|", ", ")));
        }
        if (label != null && label.isEmpty()) {
            problems.add(new Problem("label", "must not be empty; leave it out for the whole run"));
        }
        if ((below == null) == (above == null)) {
            problems.add(new Problem(below == null ? "below" : "above", "set exactly one of below or above"));
            return new Parsed(null, problems);
        }
        String field = below != null ? "below" : "above";
        String text = below != null ? below : above;
        Double bound = metric == null ? null : relativeTo != null ? percentage(metric, text, field, problems)
                : bound(metric, text, field, problems);
        if (!problems.isEmpty() || bound == null) {
            return new Parsed(null, problems);
        }
        Threshold.Direction direction = below != null ? Threshold.Direction.BELOW : Threshold.Direction.ABOVE;
        return new Parsed(new Threshold(metric, label, direction, bound, text, relativeTo != null), List.of());
    }

    private static Double percentage(ThresholdMetric metric, String text, String field, List<Problem> problems) {
        var m = PERCENT.matcher(text);
        if (!m.matches() || Double.parseDouble(m.group(1)) > 100) {
            problems.add(new Problem(field, shown(text) + " is not a percentage from 0% to 100%; a threshold relative to the baseline "
                    + "takes the change allowed, e.g. " + metric.specName() + " below: 10% (at most 10% above the baseline)"));
            return null;
        }
        return Double.parseDouble(m.group(1));
    }

    /** Parses a threshold that is known to be valid (validation ran before); throws naming the problem otherwise. */
    public static Threshold parseValid(String metricName, String label, String below, String above) {
        return parseValid(metricName, label, below, above, null);
    }

    /** Like {@link #parseValid(String, String, String, String)}, for a threshold that may be relative to the baseline. */
    public static Threshold parseValid(String metricName, String label, String below, String above, String relativeTo) {
        Parsed parsed = parse(metricName, label, below, above, relativeTo);
        if (parsed.threshold() == null) {
            Problem first = parsed.problems().getFirst();
            throw new IllegalArgumentException(first.field() + ": " + first.message());
        }
        return parsed.threshold();
    }

    private static Double bound(ThresholdMetric metric, String text, String field, List<Problem> problems) {
        String shown = shown(text);
        if (!BOUND_PATTERN.matcher(text).matches()) {
            problems.add(new Problem(field, shown + " is not a bound; " + expected(metric)));
            return null;
        }
        switch (metric.unit()) {
            case MILLIS -> {
                if (!TIME.matcher(text).matches()) {
                    problems.add(new Problem(field, shown + " is not a duration; " + expected(metric)));
                    return null;
                }
                double n = Double.parseDouble(text.replaceAll("[a-z]+$", ""));
                return text.endsWith("ms") ? n : text.endsWith("s") ? n * 1_000 : n * 60_000;
            }
            case PERCENT -> {
                var m = PERCENT.matcher(text);
                if (!m.matches() || Double.parseDouble(m.group(1)) > 100) {
                    problems.add(new Problem(field, shown + " is not a percentage from 0% to 100%; " + expected(metric)));
                    return null;
                }
                return Double.parseDouble(m.group(1));
            }
            default -> {
                if (!PLAIN.matcher(text).matches()) {
                    problems.add(new Problem(field, shown + " is not a plain number; " + expected(metric)));
                    return null;
                }
                return Double.parseDouble(text);
            }
        }
    }

    /** The user's text for a message: quoted, cut, one line. */
    private static String shown(String text) {
        String cut = text.length() > 32 ? text.substring(0, 32) + "…" : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static String expected(ThresholdMetric metric) {
        return switch (metric.unit()) {
            case MILLIS -> metric.specName() + " takes a duration such as 300ms, 1.5s or 1m";
            case PERCENT -> metric.specName() + " takes a percentage such as 1% or 0.5%";
            case NUMBER -> metric.specName() + " takes a plain number such as 100 or 2.5";
        };
    }
}
