package dev.dlt.operator.verdict;

/**
 * One parsed threshold: the metric, the label it applies to ({@code null} for the whole run), whether
 * the measured value must stay below or above the bound, and the bound in the metric's unit. The
 * comparison is strict: {@code below 300ms} fails at exactly 300 ms.
 */
public record Threshold(ThresholdMetric metric, String label, Direction direction, double bound, String boundText, boolean relative) {

    /** An absolute threshold. */
    public Threshold(ThresholdMetric metric, String label, Direction direction, double bound, String boundText) {
        this(metric, label, direction, bound, boundText, false);
    }

    /**
     * A relative threshold (bound in percent of the baseline) made absolute: {@code below 10%} becomes
     * below the baseline's value + 10 %, {@code above 10%} above the baseline's value - 10 %.
     */
    public Threshold against(double baselineValue) {
        if (!relative) {
            return this;
        }
        double factor = direction == Direction.BELOW ? 1 + bound / 100 : 1 - bound / 100;
        double absolute = baselineValue * factor;
        return new Threshold(metric, label, direction, absolute, "baseline " + (direction == Direction.BELOW ? "+" : "-") + boundText
                + " (" + metric.format(absolute) + ")", false);
    }

    /** Which side of the bound passes. */
    public enum Direction {
        BELOW("below"), ABOVE("above");

        private final String word;

        Direction(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public boolean passes(double measured) {
        return direction == Direction.BELOW ? measured < bound : measured > bound;
    }

    /** How the threshold reads in a message, e.g. {@code p95[checkout] below 300ms}. */
    public String describe() {
        return metric.specName() + (label == null ? "" : "[" + label + "]") + " " + direction.word() + " "
                + (relative ? "baseline " + (direction == Direction.BELOW ? "+" : "-") : "") + boundText;
    }
}
