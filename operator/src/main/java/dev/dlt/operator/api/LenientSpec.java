package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A spec that may hold JSON the Java classes cannot bind (a string where a number belongs): such a
 * spec keeps the JSON as it came, so it serializes back unchanged, and says which field is wrong,
 * so that the one resource fails validation instead of the informer failing for every resource.
 */
public abstract class LenientSpec {

    @JsonIgnore
    private JsonNode unboundJson;

    @JsonIgnore
    private BindingProblem bindingProblem;

    /** The problem that kept this spec's JSON from being bound, or null when it was bound. */
    public BindingProblem bindingProblem() {
        return bindingProblem;
    }

    /** The JSON as it came, for a spec that could not be bound; null otherwise. */
    public JsonNode unboundJson() {
        return unboundJson;
    }

    void markUnbound(JsonNode json, BindingProblem problem) {
        this.unboundJson = json;
        this.bindingProblem = problem;
    }
}
