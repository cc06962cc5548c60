package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Whether the region can run workers: the cluster and the task definition exist and fit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestRegionStatus {

    @JsonPropertyDescription("The spec generation the status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Why the region is not ready, or a summary of what was checked.")
    private String message;

    @JsonPropertyDescription("When the ECS resources were last checked (RFC 3339).")
    private String checkedAt;

    @SchemaFrom(type = ConditionSchema[].class)
    @JsonPropertyDescription("Ready: True when the cluster is ACTIVE and the task definition fits.")
    private List<Condition> conditions;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getCheckedAt() {
        return checkedAt;
    }

    public void setCheckedAt(String checkedAt) {
        this.checkedAt = checkedAt;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TestRegionStatus other)) {
            return false;
        }
        return java.util.Objects.equals(observedGeneration, other.observedGeneration)
                && java.util.Objects.equals(message, other.message)
                && java.util.Objects.equals(checkedAt, other.checkedAt)
                && java.util.Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(observedGeneration, message, checkedAt, conditions);
    }
}
