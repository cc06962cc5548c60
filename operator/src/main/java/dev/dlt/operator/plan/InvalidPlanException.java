package dev.dlt.operator.plan;

/** A JMeter plan that cannot be used: missing, too big, not XML, a zip without a plan. */
public class InvalidPlanException extends Exception {

    private final String field;

    public InvalidPlanException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The spec field the problem is about, e.g. {@code spec.scenario.jmeter.configMapRef}. */
    public String field() {
        return field;
    }
}
