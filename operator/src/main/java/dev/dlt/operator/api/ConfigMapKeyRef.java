package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A key of a ConfigMap in the LoadTest's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigMapKeyRef {

    @Required
    @JsonPropertyDescription("ConfigMap name.")
    private String name;

    @Required
    @JsonPropertyDescription("Key holding the plan; its name ends with .jmx or .zip.")
    private String key;

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
