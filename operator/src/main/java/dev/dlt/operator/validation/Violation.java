package dev.dlt.operator.validation;

/** One problem with a spec: the field (as a path, e.g. {@code spec.workers[0].count}) and what is wrong. */
public record Violation(String field, String problem) {

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
