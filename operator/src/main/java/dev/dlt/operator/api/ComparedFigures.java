package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One label's figures in one run, or their relative change from the baseline in percent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComparedFigures {

    @JsonPropertyDescription("Median response time in ms (or its change in percent).")
    private Double p50Ms;

    @JsonPropertyDescription("95th percentile in ms (or its change in percent).")
    private Double p95Ms;

    @JsonPropertyDescription("99th percentile in ms (or its change in percent).")
    private Double p99Ms;

    @JsonPropertyDescription("Failed requests in percent (or the change of that rate in percent).")
    private Double errorRate;

    @JsonPropertyDescription("Requests per second (or its change in percent).")
    private Double rps;

    public ComparedFigures() {
    }

    public ComparedFigures(Double p50Ms, Double p95Ms, Double p99Ms, Double errorRate, Double rps) {
        this.p50Ms = p50Ms;
        this.p95Ms = p95Ms;
        this.p99Ms = p99Ms;
        this.errorRate = errorRate;
        this.rps = rps;
    }

    public Double getP50Ms() {
        return p50Ms;
    }

    public void setP50Ms(Double p50Ms) {
        this.p50Ms = p50Ms;
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

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ComparedFigures other && java.util.Objects.equals(p50Ms, other.p50Ms) && java.util.Objects.equals(p95Ms, other.p95Ms) && java.util.Objects.equals(p99Ms, other.p99Ms) && java.util.Objects.equals(errorRate, other.errorRate) && java.util.Objects.equals(rps, other.rps);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(p50Ms, p95Ms, p99Ms, errorRate, rps);
    }
}
