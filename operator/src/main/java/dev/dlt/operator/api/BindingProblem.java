package dev.dlt.operator.api;

/** Why a spec's JSON could not be bound to the Java classes: the field (e.g. {@code spec.load.concurrency}) and the problem. */
public record BindingProblem(String field, String problem) {
}
