package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dlt.operator.verdict.AbortRule;
import dev.dlt.operator.verdict.Threshold;
import dev.dlt.operator.verdict.ThresholdMetric;
import dev.dlt.operator.verdict.ThresholdParser;
import dev.dlt.results.scenario.TaurusDuration;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** One pass/fail bound on the run's fleet-wide result, e.g. {@code {metric: p95, below: 300ms}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.below) != has(self.above)", message = "set exactly one of below or above")
@ValidationRule(value = "!has(self.below) || string(self.below).matches('" + ThresholdSpec.BOUND_CEL + "')",
        message = "below must be a number, optionally followed by ms, s, m or %")
@ValidationRule(value = "!has(self.above) || string(self.above).matches('" + ThresholdSpec.BOUND_CEL + "')",
        message = "above must be a number, optionally followed by ms, s, m or %")
@ValidationRule(value = "!has(self.relativeTo) || string(has(self.below) ? self.below : has(self.above) ? self.above : '0%').endsWith('%')",
        message = "a threshold relative to the baseline takes a percentage change such as 10%")
@ValidationRule(value = "has(self.relativeTo) || !(self.metric in ['p50', 'p90', 'p95', 'p99', 'max', 'avg']) || string(has(self.below) ? self.below : has(self.above) ? self.above : '0ms').matches('(ms|s|m)$')",
        message = "a response-time threshold takes a duration such as 300ms, 1.5s or 1m")
@ValidationRule(value = "has(self.relativeTo) || self.metric != 'errorRate' || string(has(self.below) ? self.below : has(self.above) ? self.above : '0%').endsWith('%')",
        message = "errorRate takes a percentage such as 1%")
@ValidationRule(value = "has(self.relativeTo) || !(self.metric in ['rps', 'requests']) || string(has(self.below) ? self.below : has(self.above) ? self.above : '0').matches('^[0-9.]+$')",
        message = "rps and requests take a plain number such as 100")
public class ThresholdSpec {

    /** {@link ThresholdParser#BOUND} in CEL's (RE2) syntax, for a bound that may be an integer or a string. */
    static final String BOUND_CEL = "^[0-9]{1,12}([.][0-9]{1,6})?(ms|s|m|%)?$";

    @Required
    @Pattern("^(" + ThresholdMetric.NAMES + ")$")
    @JsonPropertyDescription("What is bounded: p50, p90, p95, p99, max or avg response time, errorRate (failed requests in percent), "
            + "rps (requests per second) or requests (total count).")
    private String metric;

    @Size(min = 1, max = SpecLimits.MAX_LABEL)
    @JsonPropertyDescription("The request label the bound applies to (one of spec.scenario.requests[].label, or a request's URL when it "
            + "has no label); absent means the whole run.")
    private String label;

    @JsonPropertyDescription("The measured value must be strictly below this: a duration for response times (300ms, 1.5s), a "
            + "percentage for errorRate (1%), a plain number for rps and requests (400, or \"2.5\" quoted).")
    private IntOrString below;

    @JsonPropertyDescription("The measured value must be strictly above this (same forms as below).")
    private IntOrString above;

    @Pattern("^" + ThresholdParser.RELATIVE_TO_BASELINE + "$")
    @JsonPropertyDescription("'baseline' makes the bound a percentage change from the baseline run's value (spec.baseline): below: 10% "
            + "means at most 10% above the baseline's value, above: 10% at most 10% below it. Without a baseline the verdict is Inconclusive.")
    private String relativeTo;

    public String getRelativeTo() {
        return relativeTo;
    }

    public void setRelativeTo(String relativeTo) {
        this.relativeTo = relativeTo;
    }

    @JsonPropertyDescription("Stop the run early when this threshold breaks on the merged live numbers of the whole fleet (after "
            + "abortDelay): every worker stops and uploads, and the verdict is Failed (AbortedOnThreshold). Response times, errorRate "
            + "and rps are judged over the live window, requests on the count so far (only a below bound can abort).")
    private Boolean abortOnFail;

    @Pattern(SpecLimits.DURATION)
    @Size(max = SpecLimits.MAX_DURATION_TEXT)
    @JsonPropertyDescription("With abortOnFail: for how long from the run's start a breach does not stop the run (default 30s), "
            + "e.g. to let the ramp-up settle.")
    private String abortDelay;

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public IntOrString getBelow() {
        return below;
    }

    public void setBelow(IntOrString below) {
        this.below = below;
    }

    public IntOrString getAbove() {
        return above;
    }

    public void setAbove(IntOrString above) {
        this.above = above;
    }

    public Boolean getAbortOnFail() {
        return abortOnFail;
    }

    public void setAbortOnFail(Boolean abortOnFail) {
        this.abortOnFail = abortOnFail;
    }

    public String getAbortDelay() {
        return abortDelay;
    }

    public void setAbortDelay(String abortDelay) {
        this.abortDelay = abortDelay;
    }

    /** {@link #getBelow()} as text ({@code 400} for a plain YAML number), or null. */
    public String belowText() {
        return text(below);
    }

    /** {@link #getAbove()} as text, or null. */
    public String aboveText() {
        return text(above);
    }

    private static String text(IntOrString value) {
        return value == null ? null : value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    }

    /** The threshold with its grace period when it has {@code abortOnFail: true}; the spec must have passed validation. */
    public java.util.Optional<AbortRule> toAbortRule() {
        if (!Boolean.TRUE.equals(abortOnFail)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AbortRule(toThreshold(), abortDelay == null ? AbortRule.DEFAULT_DELAY : TaurusDuration.parse(abortDelay)));
    }

    /** The parsed threshold; the spec must have passed validation. */
    public Threshold toThreshold() {
        return ThresholdParser.parseValid(metric, label, belowText(), aboveText(), relativeTo);
    }
}
