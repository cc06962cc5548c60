package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An object in S3. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3ObjectRef {

    @JsonPropertyDescription("Bucket; default: the operator's bucket.")
    private String bucket;

    @Required
    @JsonPropertyDescription("Object key; ends with .jmx or .zip.")
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
