package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * An open-model load: iterations (requests) start at a rate, whatever the target's response times,
 * ramped from 0 over rampUp, held for holdFor, then following the stages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArrivalRateSpec {

    /** Values of {@link #getPer()}. */
    public static final String PER_TEST = "Test";
    public static final String PER_WORKER = "Worker";

    @Required
    @JsonPropertyDescription("Iterations (requests) started per second, reached linearly over rampUp and held for holdFor; "
            + "more than 0, at most " + SpecLimits.MAX_ARRIVAL_RATE + ". One iteration sends the next request of the scenario.")
    private Double rate;

    @Pattern("^(Test|Worker)$")
    @JsonPropertyDescription("Test (default): rate and stage targets are for the whole test, split evenly across all workers "
            + "of all regions (each gets rate / workers, not rounded). Worker: they are each worker's own.")
    private String per;

    @Min(1)
    @Max(SpecLimits.MAX_CONCURRENCY)
    @JsonPropertyDescription("Iterations in flight at once per worker; one due while that many are in flight is dropped "
            + "and counted (result.openModel.droppedIterations), never sent late. Default: spec.load.concurrency.")
    private Integer maxConcurrency;

    @Min(1)
    @Max(SpecLimits.MAX_RAMP_STEPS)
    @JsonPropertyDescription("Climb to rate over rampUp in this many equal steps instead of linearly (Taurus' steps).")
    private Integer rampSteps;

    @Size(min = 1, max = SpecLimits.MAX_STAGES)
    @JsonPropertyDescription("Engine native only: after holdFor, move the rate to each stage's target over its duration "
            + "(linearly; 0s is a step; the same target holds).")
    private List<RateStageSpec> stages;

    public Double getRate() {
        return rate;
    }

    public void setRate(Double rate) {
        this.rate = rate;
    }

    public String getPer() {
        return per;
    }

    public void setPer(String per) {
        this.per = per;
    }

    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public Integer getRampSteps() {
        return rampSteps;
    }

    public void setRampSteps(Integer rampSteps) {
        this.rampSteps = rampSteps;
    }

    public List<RateStageSpec> getStages() {
        return stages;
    }

    public void setStages(List<RateStageSpec> stages) {
        this.stages = stages;
    }

    /** True unless the rate is each worker's own. */
    public boolean perTest() {
        return !PER_WORKER.equals(per);
    }
}
