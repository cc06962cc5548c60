package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** What an open-model run's schedule asked for and got, and its service times (from the actual send). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OpenModelResultStatus {

    @JsonPropertyDescription("Iterations per second the schedule asked for, summed over the workers.")
    private Double requestedRate;

    @JsonPropertyDescription("Iterations per second the workers sent, summed over the workers.")
    private Double achievedRate;

    @JsonPropertyDescription("Iterations due by the schedule before the run ended.")
    private Long dueIterations;

    @JsonPropertyDescription("Iterations not sent because maxConcurrency were in flight when they were due.")
    private Long droppedIterations;

    @JsonPropertyDescription("Median service time in ms, from the actual send (the result's p50Ms counts from the intended send).")
    private Double serviceP50Ms;

    @JsonPropertyDescription("90th percentile service time in ms, from the actual send.")
    private Double serviceP90Ms;

    @JsonPropertyDescription("99th percentile service time in ms, from the actual send.")
    private Double serviceP99Ms;

    @JsonPropertyDescription("Slowest service time in ms, from the actual send.")
    private Double serviceMaxMs;

    @JsonPropertyDescription("False when some worker sent no service-time histogram: the service times then leave it out.")
    private Boolean serviceTimesComplete;

    public Double getRequestedRate() {
        return requestedRate;
    }

    public void setRequestedRate(Double requestedRate) {
        this.requestedRate = requestedRate;
    }

    public Double getAchievedRate() {
        return achievedRate;
    }

    public void setAchievedRate(Double achievedRate) {
        this.achievedRate = achievedRate;
    }

    public Long getDueIterations() {
        return dueIterations;
    }

    public void setDueIterations(Long dueIterations) {
        this.dueIterations = dueIterations;
    }

    public Long getDroppedIterations() {
        return droppedIterations;
    }

    public void setDroppedIterations(Long droppedIterations) {
        this.droppedIterations = droppedIterations;
    }

    public Double getServiceP50Ms() {
        return serviceP50Ms;
    }

    public void setServiceP50Ms(Double serviceP50Ms) {
        this.serviceP50Ms = serviceP50Ms;
    }

    public Double getServiceP90Ms() {
        return serviceP90Ms;
    }

    public void setServiceP90Ms(Double serviceP90Ms) {
        this.serviceP90Ms = serviceP90Ms;
    }

    public Double getServiceP99Ms() {
        return serviceP99Ms;
    }

    public void setServiceP99Ms(Double serviceP99Ms) {
        this.serviceP99Ms = serviceP99Ms;
    }

    public Double getServiceMaxMs() {
        return serviceMaxMs;
    }

    public void setServiceMaxMs(Double serviceMaxMs) {
        this.serviceMaxMs = serviceMaxMs;
    }

    public Boolean getServiceTimesComplete() {
        return serviceTimesComplete;
    }

    public void setServiceTimesComplete(Boolean serviceTimesComplete) {
        this.serviceTimesComplete = serviceTimesComplete;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenModelResultStatus other
                && Objects.equals(requestedRate, other.requestedRate) && Objects.equals(achievedRate, other.achievedRate)
                && Objects.equals(dueIterations, other.dueIterations) && Objects.equals(droppedIterations, other.droppedIterations)
                && Objects.equals(serviceP50Ms, other.serviceP50Ms) && Objects.equals(serviceP90Ms, other.serviceP90Ms)
                && Objects.equals(serviceP99Ms, other.serviceP99Ms) && Objects.equals(serviceMaxMs, other.serviceMaxMs)
                && Objects.equals(serviceTimesComplete, other.serviceTimesComplete);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestedRate, achievedRate, dueIterations, droppedIterations, serviceP50Ms, serviceP90Ms, serviceP99Ms,
                serviceMaxMs, serviceTimesComplete);
    }
}
