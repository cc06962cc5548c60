package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dlt.operator.verdict.Verdict;
import java.util.List;
import java.util.Map;

/** The aggregated result of a run: exact totals, percentiles from merged histograms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResultStatus {

    @JsonPropertyDescription("The run these numbers belong to.")
    private String runId;

    @JsonPropertyDescription("Requests sent by all workers.")
    private Long requests;

    @JsonPropertyDescription("Requests that failed (status >= 400 or no response).")
    private Long failures;

    @JsonPropertyDescription("Failed requests in percent.")
    private Double errorRate;

    @JsonPropertyDescription("Requests per second over the real run duration.")
    private Double rps;

    @JsonPropertyDescription("Real run duration: first worker start to last worker end.")
    private Double durationSeconds;

    @JsonPropertyDescription("Mean response time in ms.")
    private Double avgMs;

    @JsonPropertyDescription("Median response time in ms.")
    private Double p50Ms;

    @JsonPropertyDescription("90th percentile response time in ms.")
    private Double p90Ms;

    @JsonPropertyDescription("95th percentile response time in ms.")
    private Double p95Ms;

    @JsonPropertyDescription("99th percentile response time in ms.")
    private Double p99Ms;

    @JsonPropertyDescription("Slowest response time in ms.")
    private Double maxMs;

    @JsonPropertyDescription("Mean time to first byte in ms.")
    private Double avgLatencyMs;

    @JsonPropertyDescription("Mean connect time in ms.")
    private Double avgConnectMs;

    @JsonPropertyDescription("Response bytes received.")
    private Long bytes;

    @JsonPropertyDescription("False when some worker sent no histogram and percentiles are approximations.")
    private Boolean percentilesExact;

    @JsonPropertyDescription("Count per response code (or exception name).")
    private Map<String, Long> responseCodes;

    @JsonPropertyDescription("Per label, the busiest first (bounded).")
    private List<LabelResultStatus> perLabel;

    @JsonPropertyDescription("Per region (label = region name).")
    private List<LabelResultStatus> perRegion;

    @JsonPropertyDescription("Whether the system under test passed spec.thresholds: Passed, Failed, Inconclusive (the run was "
            + "incomplete, so it cannot pass) or NoThresholds; the Passed condition lists every threshold with its measured value.")
    private Verdict verdict;

    @JsonPropertyDescription("For an open model (spec.load.arrivalRate): requested vs achieved rate, dropped iterations and "
            + "service times; the percentiles above are then timed from each request's intended send.")
    private OpenModelResultStatus openModel;

    public OpenModelResultStatus getOpenModel() {
        return openModel;
    }

    public void setOpenModel(OpenModelResultStatus openModel) {
        this.openModel = openModel;
    }

    @JsonPropertyDescription("The run's HTML report (charts over time, tables, settings): an s3:// URL next to the results.")
    private String reportUrl;

    @JsonPropertyDescription("The same report over HTTPS, when the operator is configured with a base URL for the bucket.")
    private String reportHttpsUrl;

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
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

    public Double getErrorRate() {
        return errorRate;
    }

    public void setErrorRate(Double errorRate) {
        this.errorRate = errorRate;
    }

    public Double getRps() {
        return rps;
    }

    public void setRps(Double rps) {
        this.rps = rps;
    }

    public Double getDurationSeconds() {
        return durationSeconds;
    }

    public void setDurationSeconds(Double durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    public Double getAvgMs() {
        return avgMs;
    }

    public void setAvgMs(Double avgMs) {
        this.avgMs = avgMs;
    }

    public Double getP50Ms() {
        return p50Ms;
    }

    public void setP50Ms(Double p50Ms) {
        this.p50Ms = p50Ms;
    }

    public Double getP90Ms() {
        return p90Ms;
    }

    public void setP90Ms(Double p90Ms) {
        this.p90Ms = p90Ms;
    }

    public Double getP95Ms() {
        return p95Ms;
    }

    public void setP95Ms(Double p95Ms) {
        this.p95Ms = p95Ms;
    }

    public Double getP99Ms() {
        return p99Ms;
    }

    public void setP99Ms(Double p99Ms) {
        this.p99Ms = p99Ms;
    }

    public Double getMaxMs() {
        return maxMs;
    }

    public void setMaxMs(Double maxMs) {
        this.maxMs = maxMs;
    }

    public Double getAvgLatencyMs() {
        return avgLatencyMs;
    }

    public void setAvgLatencyMs(Double avgLatencyMs) {
        this.avgLatencyMs = avgLatencyMs;
    }

    public Double getAvgConnectMs() {
        return avgConnectMs;
    }

    public void setAvgConnectMs(Double avgConnectMs) {
        this.avgConnectMs = avgConnectMs;
    }

    public Long getBytes() {
        return bytes;
    }

    public void setBytes(Long bytes) {
        this.bytes = bytes;
    }

    public Boolean getPercentilesExact() {
        return percentilesExact;
    }

    public void setPercentilesExact(Boolean percentilesExact) {
        this.percentilesExact = percentilesExact;
    }

    public Map<String, Long> getResponseCodes() {
        return responseCodes;
    }

    public void setResponseCodes(Map<String, Long> responseCodes) {
        this.responseCodes = responseCodes;
    }

    public List<LabelResultStatus> getPerLabel() {
        return perLabel;
    }

    public void setPerLabel(List<LabelResultStatus> perLabel) {
        this.perLabel = perLabel;
    }

    public List<LabelResultStatus> getPerRegion() {
        return perRegion;
    }

    public void setPerRegion(List<LabelResultStatus> perRegion) {
        this.perRegion = perRegion;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public String getReportUrl() {
        return reportUrl;
    }

    public void setReportUrl(String reportUrl) {
        this.reportUrl = reportUrl;
    }

    public String getReportHttpsUrl() {
        return reportHttpsUrl;
    }

    public void setReportHttpsUrl(String reportHttpsUrl) {
        this.reportHttpsUrl = reportHttpsUrl;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResultStatus other)) {
            return false;
        }
        return java.util.Objects.equals(runId, other.runId)
                && java.util.Objects.equals(requests, other.requests)
                && java.util.Objects.equals(failures, other.failures)
                && java.util.Objects.equals(errorRate, other.errorRate)
                && java.util.Objects.equals(rps, other.rps)
                && java.util.Objects.equals(durationSeconds, other.durationSeconds)
                && java.util.Objects.equals(avgMs, other.avgMs)
                && java.util.Objects.equals(p50Ms, other.p50Ms)
                && java.util.Objects.equals(p90Ms, other.p90Ms)
                && java.util.Objects.equals(p95Ms, other.p95Ms)
                && java.util.Objects.equals(p99Ms, other.p99Ms)
                && java.util.Objects.equals(maxMs, other.maxMs)
                && java.util.Objects.equals(avgLatencyMs, other.avgLatencyMs)
                && java.util.Objects.equals(avgConnectMs, other.avgConnectMs)
                && java.util.Objects.equals(bytes, other.bytes)
                && java.util.Objects.equals(percentilesExact, other.percentilesExact)
                && java.util.Objects.equals(responseCodes, other.responseCodes)
                && java.util.Objects.equals(perLabel, other.perLabel)
                && java.util.Objects.equals(perRegion, other.perRegion)
                && java.util.Objects.equals(verdict, other.verdict)
                && java.util.Objects.equals(openModel, other.openModel)
                && java.util.Objects.equals(reportUrl, other.reportUrl)
                && java.util.Objects.equals(reportHttpsUrl, other.reportHttpsUrl);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(runId, requests, failures, errorRate, rps, durationSeconds, avgMs, p50Ms, p90Ms, p95Ms, p99Ms, maxMs, avgLatencyMs, avgConnectMs, bytes, percentilesExact, responseCodes, perLabel, perRegion, verdict, openModel, reportUrl, reportHttpsUrl);
    }
}
