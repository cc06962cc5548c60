package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** An object in S3. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3ObjectRef {

    @Pattern(SpecLimits.S3_BUCKET)
    @JsonPropertyDescription("Bucket; default: the operator's bucket. Plans are read only under a prefix of the LoadTest's namespace: plans/<namespace>/ in the operator's bucket, or an allowed prefix of the operator's configuration.")
    private String bucket;

    @Required
    @Size(min = 1, max = SpecLimits.MAX_S3_KEY)
    @Pattern("^[^/\\\\].*\\.([jJ][mM][xX]|[zZ][iI][pP])$")
    @ValidationRule(value = "!self.matches('" + SpecLimits.CONTROL_CHARS + "') && !self.matches('(^|/)\\\\.\\\\.?(/|$)') && !self.contains('//')",
            message = "must not contain control characters, empty, '.' or '..' segments")
    @JsonPropertyDescription("Object key, e.g. plans/<namespace>/suite.zip; ends with .jmx or .zip.")
    private String key;

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
