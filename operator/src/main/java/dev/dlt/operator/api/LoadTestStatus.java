package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** The observed state of a load test: phase, conditions, the current run and its result. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadTestStatus {

    @JsonPropertyDescription("Where the run is: Pending, Launching, Starting, Running, Collecting, Recording (result known, "
            + "being stored), then Succeeded, Failed or Cancelled.")
    private Phase phase;

    @JsonPropertyDescription("The spec generation the status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("A one-line human summary of the current state.")
    private String message;

    @SchemaFrom(type = ConditionSchema[].class)
    @JsonPropertyDescription("Standard conditions: Valid, WorkersReady, Started, Completed, Blocked (waiting on a failing dependency), "
            + "PartialResults (workers left out of the result), SuspectWorkers (workers whose engine ran too short, "
            + "recorded no sample or only errors), Recorded (stored in DynamoDB), Passed (the verdict on spec.thresholds: "
            + "Unknown while the run is in progress).")
    private List<Condition> conditions;

    @JsonPropertyDescription("The current (or last) run.")
    private RunStatus run;

    @JsonPropertyDescription("Live numbers of the current run, merged over all workers and regions while it runs; the last ones "
            + "stay after it ended.")
    private ProgressStatus progress;

    @JsonPropertyDescription("The aggregated result of the last finished run.")
    private ResultStatus result;

    @JsonPropertyDescription("The last runs, newest first (bounded; the full record is in DynamoDB).")
    private List<RunSummary> history;

    @JsonPropertyDescription("Workers of the current (or last) run for kubectl get: ready/desired while it runs, reported/desired "
            + "once its results are collected.")
    private String workers;

    @JsonPropertyDescription("The last result's 95th percentile for kubectl get, e.g. 212ms.")
    private String p95;

    @JsonPropertyDescription("When the schedule (or spec.startAt) starts the next run (RFC 3339); absent when nothing is scheduled or the test is suspended.")
    private String nextRunAt;

    @JsonPropertyDescription("The last scheduled time handled (RFC 3339): its run was started, or it was skipped (see skippedRuns).")
    private String lastScheduledAt;

    @JsonPropertyDescription("The value of the load.dlt.dev/run-now annotation last acted on; a different value starts a run.")
    private String handledRunNowToken;

    @JsonPropertyDescription("Scheduled times that started no run: a run was still active (concurrencyPolicy Skip) or they were missed by more than spec.startingDeadline.")
    private Integer skippedRuns;

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

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

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public RunStatus getRun() {
        return run;
    }

    public void setRun(RunStatus run) {
        this.run = run;
    }

    public ProgressStatus getProgress() {
        return progress;
    }

    public void setProgress(ProgressStatus progress) {
        this.progress = progress;
    }

    public ResultStatus getResult() {
        return result;
    }

    public void setResult(ResultStatus result) {
        this.result = result;
    }

    public List<RunSummary> getHistory() {
        return history;
    }

    public void setHistory(List<RunSummary> history) {
        this.history = history;
    }

    public String getWorkers() {
        return workers;
    }

    public void setWorkers(String workers) {
        this.workers = workers;
    }

    public String getP95() {
        return p95;
    }

    public void setP95(String p95) {
        this.p95 = p95;
    }

    public String getNextRunAt() {
        return nextRunAt;
    }

    public void setNextRunAt(String nextRunAt) {
        this.nextRunAt = nextRunAt;
    }

    public String getLastScheduledAt() {
        return lastScheduledAt;
    }

    public void setLastScheduledAt(String lastScheduledAt) {
        this.lastScheduledAt = lastScheduledAt;
    }

    public String getHandledRunNowToken() {
        return handledRunNowToken;
    }

    public void setHandledRunNowToken(String handledRunNowToken) {
        this.handledRunNowToken = handledRunNowToken;
    }

    public Integer getSkippedRuns() {
        return skippedRuns;
    }

    public void setSkippedRuns(Integer skippedRuns) {
        this.skippedRuns = skippedRuns;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LoadTestStatus other)) {
            return false;
        }
        return java.util.Objects.equals(phase, other.phase)
                && java.util.Objects.equals(observedGeneration, other.observedGeneration)
                && java.util.Objects.equals(message, other.message)
                && java.util.Objects.equals(conditions, other.conditions)
                && java.util.Objects.equals(run, other.run)
                && java.util.Objects.equals(progress, other.progress)
                && java.util.Objects.equals(result, other.result)
                && java.util.Objects.equals(history, other.history)
                && java.util.Objects.equals(workers, other.workers)
                && java.util.Objects.equals(p95, other.p95)
                && java.util.Objects.equals(nextRunAt, other.nextRunAt)
                && java.util.Objects.equals(lastScheduledAt, other.lastScheduledAt)
                && java.util.Objects.equals(handledRunNowToken, other.handledRunNowToken)
                && java.util.Objects.equals(skippedRuns, other.skippedRuns)

                && java.util.Objects.equals(comparison, other.comparison);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(phase, observedGeneration, message, conditions, run, progress, result, history, workers, p95, nextRunAt, lastScheduledAt, handledRunNowToken, skippedRuns, comparison);
    }

    @JsonPropertyDescription("The last finished run compared with spec.baseline, per label and overall; absent without spec.baseline.")
    private ComparisonStatus comparison;

    public ComparisonStatus getComparison() {
        return comparison;
    }

    public void setComparison(ComparisonStatus comparison) {
        this.comparison = comparison;
    }
}
