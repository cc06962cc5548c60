package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The CRD schema of a status condition (fabric8's {@code Condition}, which carries no descriptions), used
 * through {@code @SchemaFrom} on the conditions lists so that {@code kubectl explain} describes each field.
 */
public final class ConditionSchema {

    // required: the list is keyed by type (x-kubernetes-list-map-keys, added by CrdSchemaFinisher)
    @Required
    @JsonPropertyDescription("The condition's name (CamelCase); unique in the list.")
    public String type;

    @Required
    @JsonPropertyDescription("True, False or Unknown.")
    public String status;

    @JsonPropertyDescription("Why the condition has this status, in CamelCase (for machines).")
    public String reason;

    @JsonPropertyDescription("What happened and what is awaited, for people.")
    public String message;

    @JsonPropertyDescription("When the status last changed (RFC 3339).")
    public String lastTransitionTime;

    @JsonPropertyDescription("The spec generation the condition was set for.")
    public Long observedGeneration;

    private ConditionSchema() {
    }
}
