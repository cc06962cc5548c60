package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The load of one worker: concurrency virtual users, started linearly over rampUp, then held for holdFor. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadSpec {

    @Required
    @Min(1)
    @Max(SpecLimits.MAX_CONCURRENCY)
    @JsonPropertyDescription("Virtual users per worker, 1 to 5000.")
    private Integer concurrency;

    @Pattern(SpecLimits.DURATION)
    @Size(max = SpecLimits.MAX_DURATION_TEXT)
    @JsonPropertyDescription("Time to start all virtual users (Taurus time format, e.g. 30s, 1m), at most 6h. Default 0s.")
    private String rampUp;

    @Required
    @Pattern(SpecLimits.DURATION)
    @Size(max = SpecLimits.MAX_DURATION_TEXT)
    @ValidationRule(value = "self.matches('[1-9]')", message = "must be longer than 0s")
    @JsonPropertyDescription("Time to keep all virtual users running after ramp-up (e.g. 5m); more than 0s, at most 24h.")
    private String holdFor;

    @Min(1)
    @JsonPropertyDescription("Engine taurus only: the most requests per second each worker sends (Taurus' throughput, "
            + "an open-model rate limit reached over rampUp; JMeter's Throughput Shaping Timer). Default: no limit.")
    private Integer throughput;

    @JsonPropertyDescription("An open model instead of concurrency users in a loop: iterations start at a rate whatever the "
            + "response times; latency is timed from each iteration's intended send. Default: none (closed model).")
    private ArrivalRateSpec arrivalRate;

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public String getRampUp() {
        return rampUp;
    }

    public void setRampUp(String rampUp) {
        this.rampUp = rampUp;
    }

    public String getHoldFor() {
        return holdFor;
    }

    public void setHoldFor(String holdFor) {
        this.holdFor = holdFor;
    }

    public Integer getThroughput() {
        return throughput;
    }

    public void setThroughput(Integer throughput) {
        this.throughput = throughput;
    }

    public ArrivalRateSpec getArrivalRate() {
        return arrivalRate;
    }

    public void setArrivalRate(ArrivalRateSpec arrivalRate) {
        this.arrivalRate = arrivalRate;
    }
}
