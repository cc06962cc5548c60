package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A request header whose value comes from a Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HeaderFromSpec {

    @Required
    @Size(min = 1, max = SpecLimits.MAX_HEADER_NAME)
    @JsonPropertyDescription("Header name, an RFC 9110 token; not also in headers (case-insensitive).")
    private String name;

    @Required
    @JsonPropertyDescription("Where the header's value comes from.")
    private ValueFromSpec valueFrom;

    public HeaderFromSpec() {
    }

    public HeaderFromSpec(String name, ValueFromSpec valueFrom) {
        this.name = name;
        this.valueFrom = valueFrom;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ValueFromSpec getValueFrom() {
        return valueFrom;
    }

    public void setValueFrom(ValueFromSpec valueFrom) {
        this.valueFrom = valueFrom;
    }
}
