package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** One run of a load test. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunStatus {

    @JsonPropertyDescription("Run id; also in pod labels, S3 keys and DynamoDB.")
    private String id;

    @JsonPropertyDescription("The spec generation this run executes.")
    private Long generation;

    @JsonPropertyDescription("When the run was created (RFC 3339).")
    private String createdAt;

    @JsonPropertyDescription("When the first worker was launched (RFC 3339).")
    private String launchedAt;

    @JsonPropertyDescription("The start instant the leaders sent to the workers (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("When the run ended (RFC 3339).")
    private String finishedAt;

    @JsonPropertyDescription("Worker counts over all backends and regions.")
    private WorkerCounts workers;

    @JsonPropertyDescription("Spread between the first and the last worker's actual start, in milliseconds.")
    private Long startSkewMs;

    @JsonPropertyDescription("Per region: its leader's outcome and worker counts.")
    private List<RegionRunStatus> regions;

    @JsonPropertyDescription("How the run ends, decided when it entered Recording: Succeeded, Failed or Cancelled.")
    private Phase outcome;

    @JsonPropertyDescription("Why the run ends that way (the reason of the Completed condition, in CamelCase).")
    private String outcomeReason;

    @JsonPropertyDescription("The final one-line message, shown once the run is recorded.")
    private String outcomeMessage;

    @JsonPropertyDescription("What started the run: SpecChange, RunNow (the load.dlt.dev/run-now annotation), Schedule or StartAt.")
    private RunTrigger trigger;

    @JsonPropertyDescription("Who cancelled the run and when, once it is cancelled (the workers are stopped, what they stored is collected).")
    private String cancelRequest;

    @JsonPropertyDescription("Which abortOnFail threshold stopped the run early, its live value and when (RFC 3339).")
    private String abortedOnThreshold;

    public String getAbortedOnThreshold() {
        return abortedOnThreshold;
    }

    public void setAbortedOnThreshold(String abortedOnThreshold) {
        this.abortedOnThreshold = abortedOnThreshold;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getGeneration() {
        return generation;
    }

    public void setGeneration(Long generation) {
        this.generation = generation;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    public String getLaunchedAt() {
        return launchedAt;
    }

    public void setLaunchedAt(String launchedAt) {
        this.launchedAt = launchedAt;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    public WorkerCounts getWorkers() {
        return workers;
    }

    public void setWorkers(WorkerCounts workers) {
        this.workers = workers;
    }

    public Long getStartSkewMs() {
        return startSkewMs;
    }

    public void setStartSkewMs(Long startSkewMs) {
        this.startSkewMs = startSkewMs;
    }

    public List<RegionRunStatus> getRegions() {
        return regions;
    }

    public void setRegions(List<RegionRunStatus> regions) {
        this.regions = regions;
    }

    public Phase getOutcome() {
        return outcome;
    }

    public void setOutcome(Phase outcome) {
        this.outcome = outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public void setOutcomeReason(String outcomeReason) {
        this.outcomeReason = outcomeReason;
    }

    public String getOutcomeMessage() {
        return outcomeMessage;
    }

    public void setOutcomeMessage(String outcomeMessage) {
        this.outcomeMessage = outcomeMessage;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public void setTrigger(RunTrigger trigger) {
        this.trigger = trigger;
    }

    public String getCancelRequest() {
        return cancelRequest;
    }

    public void setCancelRequest(String cancelRequest) {
        this.cancelRequest = cancelRequest;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RunStatus other)) {
            return false;
        }
        return java.util.Objects.equals(id, other.id)
                && java.util.Objects.equals(generation, other.generation)
                && java.util.Objects.equals(createdAt, other.createdAt)
                && java.util.Objects.equals(launchedAt, other.launchedAt)
                && java.util.Objects.equals(startedAt, other.startedAt)
                && java.util.Objects.equals(finishedAt, other.finishedAt)
                && java.util.Objects.equals(workers, other.workers)
                && java.util.Objects.equals(startSkewMs, other.startSkewMs)
                && java.util.Objects.equals(regions, other.regions)
                && outcome == other.outcome
                && java.util.Objects.equals(outcomeReason, other.outcomeReason)
                && java.util.Objects.equals(outcomeMessage, other.outcomeMessage)
                && java.util.Objects.equals(trigger, other.trigger)
                && java.util.Objects.equals(cancelRequest, other.cancelRequest);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, generation, createdAt, launchedAt, startedAt, finishedAt, workers, startSkewMs, regions, outcome, trigger, cancelRequest);
    }
}
