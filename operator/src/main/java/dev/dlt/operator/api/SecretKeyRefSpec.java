package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret in the LoadTest's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRefSpec {

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Name of the Secret, in the LoadTest's namespace.")
    private String name;

    @Required
    @Size(min = 1, max = 253)
    @JsonPropertyDescription("Key in the Secret's data whose value is used.")
    private String key;

    public SecretKeyRefSpec() {
    }

    public SecretKeyRefSpec(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
