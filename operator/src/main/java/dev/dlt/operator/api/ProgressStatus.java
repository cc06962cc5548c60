package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The live numbers of a running test, merged over every worker and region (updated every few seconds while Running). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProgressStatus {

    @JsonPropertyDescription("When these numbers were taken (RFC 3339).")
    private String updatedAt;

    @JsonPropertyDescription("Seconds since the run's start instant.")
    private Double elapsedSeconds;

    @JsonPropertyDescription("Seconds of planned load left (ramp-up + hold-for minus elapsed).")
    private Double remainingSeconds;

    @JsonPropertyDescription("Requests sent so far by all workers that report.")
    private Long requests;

    @JsonPropertyDescription("Failed requests so far.")
    private Long failures;

    @JsonPropertyDescription("Requests per second over the last window, all workers and regions merged.")
    private Double rps;

    @JsonPropertyDescription("Failed requests in percent over the last window.")
    private Double errorRate;

    @JsonPropertyDescription("95th percentile response time in ms over the last window (merged histograms).")
    private Double p95Ms;

    @JsonPropertyDescription("The length of the window the rate, error rate and p95 are over.")
    private Double windowSeconds;

    @JsonPropertyDescription("Active virtual users, summed over the workers.")
    private Long users;

    @JsonPropertyDescription("Workers the run launched.")
    private Integer workersExpected;

    @JsonPropertyDescription("Workers whose live records arrive.")
    private Integer workersReporting;

    @JsonPropertyDescription("Workers still running whose live records stopped arriving (three intervals without a new one).")
    private Integer workersStale;

    @JsonPropertyDescription("Workers whose load ended.")
    private Integer workersFinished;

    @JsonPropertyDescription("Live records that could not be read (garbage, too big); skipped.")
    private Long badRecords;

    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Double getElapsedSeconds() {
        return elapsedSeconds;
    }

    public void setElapsedSeconds(Double elapsedSeconds) {
        this.elapsedSeconds = elapsedSeconds;
    }

    public Double getRemainingSeconds() {
        return remainingSeconds;
    }

    public void setRemainingSeconds(Double remainingSeconds) {
        this.remainingSeconds = remainingSeconds;
    }

    public Long getRequests() {
        return requests;
    }

    public void setRequests(Long requests) {
        this.requests = requests;
    }

    public Long getFailures() {
        return failures;
    }

    public void setFailures(Long failures) {
        this.failures = failures;
    }

    public Double getRps() {
        return rps;
    }

    public void setRps(Double rps) {
        this.rps = rps;
    }

    public Double getErrorRate() {
        return errorRate;
    }

    public void setErrorRate(Double errorRate) {
        this.errorRate = errorRate;
    }

    public Double getP95Ms() {
        return p95Ms;
    }

    public void setP95Ms(Double p95Ms) {
        this.p95Ms = p95Ms;
    }

    public Double getWindowSeconds() {
        return windowSeconds;
    }

    public void setWindowSeconds(Double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public Long getUsers() {
        return users;
    }

    public void setUsers(Long users) {
        this.users = users;
    }

    public Integer getWorkersExpected() {
        return workersExpected;
    }

    public void setWorkersExpected(Integer workersExpected) {
        this.workersExpected = workersExpected;
    }

    public Integer getWorkersReporting() {
        return workersReporting;
    }

    public void setWorkersReporting(Integer workersReporting) {
        this.workersReporting = workersReporting;
    }

    public Integer getWorkersStale() {
        return workersStale;
    }

    public void setWorkersStale(Integer workersStale) {
        this.workersStale = workersStale;
    }

    public Integer getWorkersFinished() {
        return workersFinished;
    }

    public void setWorkersFinished(Integer workersFinished) {
        this.workersFinished = workersFinished;
    }

    public Long getBadRecords() {
        return badRecords;
    }

    public void setBadRecords(Long badRecords) {
        this.badRecords = badRecords;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgressStatus other
                && Objects.equals(updatedAt, other.updatedAt) && Objects.equals(elapsedSeconds, other.elapsedSeconds) && Objects.equals(remainingSeconds, other.remainingSeconds)
                && Objects.equals(requests, other.requests) && Objects.equals(failures, other.failures) && Objects.equals(rps, other.rps)
                && Objects.equals(errorRate, other.errorRate) && Objects.equals(p95Ms, other.p95Ms) && Objects.equals(windowSeconds, other.windowSeconds)
                && Objects.equals(users, other.users) && Objects.equals(workersExpected, other.workersExpected) && Objects.equals(workersReporting, other.workersReporting)
                && Objects.equals(workersStale, other.workersStale) && Objects.equals(workersFinished, other.workersFinished) && Objects.equals(badRecords, other.badRecords);
    }

    @Override
    public int hashCode() {
        return Objects.hash(updatedAt, elapsedSeconds, remainingSeconds, requests, failures, rps, errorRate, p95Ms, windowSeconds, users, workersExpected, workersReporting, workersStale, workersFinished, badRecords);
    }
}
