package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where a request value comes from instead of the LoadTest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ValueFromSpec {

    @Required
    @JsonPropertyDescription("The Secret key holding the value; read when a run launches, never written to the LoadTest, its status or Events.")
    private SecretKeyRefSpec secretKeyRef;

    public ValueFromSpec() {
    }

    public ValueFromSpec(SecretKeyRefSpec secretKeyRef) {
        this.secretKeyRef = secretKeyRef;
    }

    public SecretKeyRefSpec getSecretKeyRef() {
        return secretKeyRef;
    }

    public void setSecretKeyRef(SecretKeyRefSpec secretKeyRef) {
        this.secretKeyRef = secretKeyRef;
    }
}
