package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The last finished run compared with its baseline (spec.baseline). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComparisonStatus {

    @JsonPropertyDescription("The run compared.")
    private String runId;

    @JsonPropertyDescription("The baseline run it was compared with; absent when none was available.")
    private String baselineRunId;

    @JsonPropertyDescription("Why there is no comparison, or a one-line summary of it.")
    private String message;

    @JsonPropertyDescription("The whole run (label \"\") first, then each label both runs have (the busiest 50).")
    private List<LabelComparisonStatus> labels;

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getBaselineRunId() {
        return baselineRunId;
    }

    public void setBaselineRunId(String baselineRunId) {
        this.baselineRunId = baselineRunId;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<LabelComparisonStatus> getLabels() {
        return labels;
    }

    public void setLabels(List<LabelComparisonStatus> labels) {
        this.labels = labels;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ComparisonStatus other && java.util.Objects.equals(runId, other.runId) && java.util.Objects.equals(baselineRunId, other.baselineRunId) && java.util.Objects.equals(message, other.message) && java.util.Objects.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(runId, baselineRunId, message, labels);
    }
}
