package dev.dlt.operator.verdict;

import dev.dlt.results.aggregate.LabelResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** A measure a threshold can bound, its name in {@code spec.thresholds[].metric}, its unit and where it is read from a result. */
public enum ThresholdMetric {
    P50("p50", Unit.MILLIS, LabelResult::p50Ms),
    P90("p90", Unit.MILLIS, LabelResult::p90Ms),
    P95("p95", Unit.MILLIS, LabelResult::p95Ms),
    P99("p99", Unit.MILLIS, LabelResult::p99Ms),
    MAX("max", Unit.MILLIS, LabelResult::maxMs),
    AVG("avg", Unit.MILLIS, LabelResult::avgRtMs),
    ERROR_RATE("errorRate", Unit.PERCENT, r -> r.errorRate() * 100),
    RPS("rps", Unit.NUMBER, LabelResult::rps),
    REQUESTS("requests", Unit.NUMBER, r -> r.requests());

    /** How a bound of the metric is written: a duration, a percentage or a plain number. */
    public enum Unit { MILLIS, PERCENT, NUMBER }

    /** The spec names, as the CRD schema lists them. */
    public static final String NAMES = "p50|p90|p95|p99|max|avg|errorRate|rps|requests";

    private final String specName;
    private final Unit unit;
    private final ToDoubleFunction<LabelResult> reader;

    ThresholdMetric(String specName, Unit unit, ToDoubleFunction<LabelResult> reader) {
        this.specName = specName;
        this.unit = unit;
        this.reader = reader;
    }

    public String specName() {
        return specName;
    }

    public Unit unit() {
        return unit;
    }

    /** True for the percentiles, which are exact only when every worker sent a histogram. */
    public boolean percentile() {
        return this == P50 || this == P90 || this == P95 || this == P99;
    }

    /** The metric's value in a result, in its unit (ms, percent, or a plain number). */
    public double read(LabelResult result) {
        return reader.applyAsDouble(result);
    }

    /** Formats a value of this metric for a message, e.g. {@code 212.4ms}, {@code 0.37%}, {@code 1520.5}. */
    public String format(double value) {
        return switch (unit) {
            case MILLIS -> String.format(Locale.ROOT, "%.1fms", value);
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", value);
            case NUMBER -> this == REQUESTS ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
        };
    }

    public static Optional<ThresholdMetric> bySpecName(String name) {
        return Arrays.stream(values()).filter(m -> m.specName.equals(name)).findFirst();
    }
}
