package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** A toleration of the worker pods, as in a pod spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TolerationSpec {

    @JsonPropertyDescription("Taint key to tolerate; empty with operator Exists tolerates every taint.")
    private String key;

    @Pattern("^(Exists|Equal)$")
    @JsonPropertyDescription("Exists or Equal (default Equal).")
    private String operator;

    @JsonPropertyDescription("Taint value to match with operator Equal.")
    private String value;

    @Pattern("^(NoSchedule|PreferNoSchedule|NoExecute)$")
    @JsonPropertyDescription("Taint effect to tolerate: NoSchedule, PreferNoSchedule or NoExecute; empty for all.")
    private String effect;

    @JsonPropertyDescription("For NoExecute: how long the pod stays bound once the taint appears, in seconds.")
    private Long tolerationSeconds;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getEffect() {
        return effect;
    }

    public void setEffect(String effect) {
        this.effect = effect;
    }

    public Long getTolerationSeconds() {
        return tolerationSeconds;
    }

    public void setTolerationSeconds(Long tolerationSeconds) {
        this.tolerationSeconds = tolerationSeconds;
    }
}
