package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One label (or the whole run, label "") compared with the baseline run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LabelComparisonStatus {

    @JsonPropertyDescription("The request label; empty for the whole run.")
    private String label;

    @JsonPropertyDescription("The baseline run's figures.")
    private ComparedFigures baseline;

    @JsonPropertyDescription("This run's figures.")
    private ComparedFigures current;

    @JsonPropertyDescription("Relative change of each figure from the baseline in percent (absent where the baseline's value is 0).")
    private ComparedFigures changePercent;

    @JsonPropertyDescription("Latency judgement: Slower or Faster when the Kolmogorov-Smirnov test on both runs' merged histograms is "
            + "significant at 1 % and the p95 moved by at least 5 %; NoChange otherwise; Inconclusive with too few samples or no exact histogram.")
    private String latency;

    @JsonPropertyDescription("Error judgement: MoreErrors or FewerErrors when the two-proportion z-test is significant at 1 % and the rate "
            + "moved by at least 0.1 percentage point; NoChange otherwise; Inconclusive with too few samples.")
    private String errors;

    @JsonPropertyDescription("The Kolmogorov-Smirnov statistic D (largest gap between the two response-time distributions, 0 to 1).")
    private Double ksStatistic;

    @JsonPropertyDescription("The p-value of the Kolmogorov-Smirnov test.")
    private Double ksPValue;

    @JsonPropertyDescription("The p-value of the two-proportion z-test on the error rates.")
    private Double errorRatePValue;

    @JsonPropertyDescription("How the latency judgement came about.")
    private String reason;

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public ComparedFigures getBaseline() {
        return baseline;
    }

    public void setBaseline(ComparedFigures baseline) {
        this.baseline = baseline;
    }

    public ComparedFigures getCurrent() {
        return current;
    }

    public void setCurrent(ComparedFigures current) {
        this.current = current;
    }

    public ComparedFigures getChangePercent() {
        return changePercent;
    }

    public void setChangePercent(ComparedFigures changePercent) {
        this.changePercent = changePercent;
    }

    public String getLatency() {
        return latency;
    }

    public void setLatency(String latency) {
        this.latency = latency;
    }

    public String getErrors() {
        return errors;
    }

    public void setErrors(String errors) {
        this.errors = errors;
    }

    public Double getKsStatistic() {
        return ksStatistic;
    }

    public void setKsStatistic(Double ksStatistic) {
        this.ksStatistic = ksStatistic;
    }

    public Double getKsPValue() {
        return ksPValue;
    }

    public void setKsPValue(Double ksPValue) {
        this.ksPValue = ksPValue;
    }

    public Double getErrorRatePValue() {
        return errorRatePValue;
    }

    public void setErrorRatePValue(Double errorRatePValue) {
        this.errorRatePValue = errorRatePValue;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof LabelComparisonStatus other && java.util.Objects.equals(label, other.label) && java.util.Objects.equals(baseline, other.baseline) && java.util.Objects.equals(current, other.current) && java.util.Objects.equals(changePercent, other.changePercent) && java.util.Objects.equals(latency, other.latency) && java.util.Objects.equals(errors, other.errors) && java.util.Objects.equals(ksStatistic, other.ksStatistic) && java.util.Objects.equals(ksPValue, other.ksPValue) && java.util.Objects.equals(errorRatePValue, other.errorRatePValue) && java.util.Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(label, baseline, current, changePercent, latency, errors, ksStatistic, ksPValue, errorRatePValue, reason);
    }
}
