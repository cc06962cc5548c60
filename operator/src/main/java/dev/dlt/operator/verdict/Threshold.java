package dev.dlt.operator.verdict;

/**
 * One parsed threshold: the metric, the label it applies to ({@code null} for the whole run), whether
 * the measured value must stay below or above the bound, and the bound in the metric's unit. The
 * comparison is strict: {@code below 300ms} fails at exactly 300 ms.
 */
public record Threshold(ThresholdMetric metric, String label, Direction direction, double bound, String boundText) {

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
        return metric.specName() + (label == null ? "" : "[" + label + "]") + " " + direction.word() + " " + boundText;
    }
}
