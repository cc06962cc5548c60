package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The result of one label or one region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LabelResultStatus {

    @JsonPropertyDescription("The request label or region name.")
    private String label;

    @JsonPropertyDescription("Requests sent.")
    private Long requests;

    @JsonPropertyDescription("Requests failed.")
    private Long failures;

    @JsonPropertyDescription("Failed requests in percent.")
    private Double errorRate;

    @JsonPropertyDescription("Requests per second.")
    private Double rps;

    @JsonPropertyDescription("Mean response time in ms.")
    private Double avgMs;

    @JsonPropertyDescription("Median response time in ms.")
    private Double p50Ms;

    @JsonPropertyDescription("90th percentile in ms.")
    private Double p90Ms;

    @JsonPropertyDescription("95th percentile in ms.")
    private Double p95Ms;

    @JsonPropertyDescription("99th percentile in ms.")
    private Double p99Ms;

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LabelResultStatus other)) {
            return false;
        }
        return java.util.Objects.equals(label, other.label)
                && java.util.Objects.equals(requests, other.requests)
                && java.util.Objects.equals(failures, other.failures)
                && java.util.Objects.equals(errorRate, other.errorRate)
                && java.util.Objects.equals(rps, other.rps)
                && java.util.Objects.equals(avgMs, other.avgMs)
                && java.util.Objects.equals(p50Ms, other.p50Ms)
                && java.util.Objects.equals(p90Ms, other.p90Ms)
                && java.util.Objects.equals(p95Ms, other.p95Ms)
                && java.util.Objects.equals(p99Ms, other.p99Ms);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(label, requests, failures, errorRate, rps, avgMs, p50Ms, p90Ms, p95Ms, p99Ms);
    }
}
