package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One stage of an arrival rate: the rate moves linearly from the previous level to target over duration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RateStageSpec {

    @Required
    @Pattern(SpecLimits.DURATION)
    @Size(max = SpecLimits.MAX_DURATION_TEXT)
    @JsonPropertyDescription("How long the stage lasts (e.g. 30s); 0s jumps to target at once (a step).")
    private String duration;

    @Required
    @JsonPropertyDescription("Iterations per second at the end of the stage, 0 or more (per test or per worker, as the rate).")
    private Double target;

    public RateStageSpec() {
    }

    public RateStageSpec(String duration, Double target) {
        this.duration = duration;
        this.target = target;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public Double getTarget() {
        return target;
    }

    public void setTarget(Double target) {
        this.target = target;
    }
}
