package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dlt.operator.verdict.Verdict;

/** A past run, in brief. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunSummary {

    @JsonPropertyDescription("Run id.")
    private String runId;

    @JsonPropertyDescription("How it ended.")
    private Phase phase;

    @JsonPropertyDescription("Start instant (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("Requests sent.")
    private Long requests;

    @JsonPropertyDescription("Requests per second.")
    private Double rps;

    @JsonPropertyDescription("95th percentile in ms.")
    private Double p95Ms;

    @JsonPropertyDescription("Failed requests in percent.")
    private Double errorRate;

    @JsonPropertyDescription("The run's verdict on spec.thresholds: Passed, Failed, Inconclusive or NoThresholds.")
    private Verdict verdict;

    @JsonPropertyDescription("What started it: SpecChange, RunNow, Schedule or StartAt.")
    private RunTrigger trigger;

    @JsonPropertyDescription("End instant (RFC 3339).")
    private String finishedAt;

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public Long getRequests() {
        return requests;
    }

    public void setRequests(Long requests) {
        this.requests = requests;
    }

    public Double getRps() {
        return rps;
    }

    public void setRps(Double rps) {
        this.rps = rps;
    }

    public Double getP95Ms() {
        return p95Ms;
    }

    public void setP95Ms(Double p95Ms) {
        this.p95Ms = p95Ms;
    }

    public Double getErrorRate() {
        return errorRate;
    }

    public void setErrorRate(Double errorRate) {
        this.errorRate = errorRate;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public void setTrigger(RunTrigger trigger) {
        this.trigger = trigger;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RunSummary other)) {
            return false;
        }
        return java.util.Objects.equals(runId, other.runId)
                && java.util.Objects.equals(phase, other.phase)
                && java.util.Objects.equals(startedAt, other.startedAt)
                && java.util.Objects.equals(requests, other.requests)
                && java.util.Objects.equals(rps, other.rps)
                && java.util.Objects.equals(p95Ms, other.p95Ms)
                && java.util.Objects.equals(errorRate, other.errorRate)
                && java.util.Objects.equals(verdict, other.verdict)
                && java.util.Objects.equals(trigger, other.trigger)
                && java.util.Objects.equals(finishedAt, other.finishedAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(runId, phase, startedAt, requests, rps, p95Ms, errorRate, verdict, trigger, finishedAt);
    }
}
