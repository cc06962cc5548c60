package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a ConfigMap in the LoadTest's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigMapKeyRef {

    @Required
    @Size(max = SpecLimits.MAX_NAME)
    @Pattern(SpecLimits.DNS_1123_SUBDOMAIN)
    @JsonPropertyDescription("ConfigMap name (in the LoadTest's namespace).")
    private String name;

    @Required
    @Size(max = SpecLimits.MAX_NAME)
    @Pattern("^[-._a-zA-Z0-9]+\\.([jJ][mM][xX]|[zZ][iI][pP])$")
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
