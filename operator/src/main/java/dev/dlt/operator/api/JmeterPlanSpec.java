package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** An existing JMeter plan (DLT test type jmeter): a .jmx, or a .zip with the plan, its data files and a plugins/ folder. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.configMapRef) != has(self.s3)", message = "set either configMapRef or s3")
public class JmeterPlanSpec {

    @JsonPropertyDescription("The plan in a ConfigMap of the LoadTest's namespace (a .zip goes in binaryData).")
    private ConfigMapKeyRef configMapRef;

    @JsonPropertyDescription("The plan in S3.")
    private S3ObjectRef s3;

    public ConfigMapKeyRef getConfigMapRef() {
        return configMapRef;
    }

    public void setConfigMapRef(ConfigMapKeyRef configMapRef) {
        this.configMapRef = configMapRef;
    }

    public S3ObjectRef getS3() {
        return s3;
    }

    public void setS3(S3ObjectRef s3) {
        this.s3 = s3;
    }
}
