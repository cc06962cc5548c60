package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** The scenario every virtual user runs (DLT test type 'simple'). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScenarioSpec {

    @Required
    @JsonPropertyDescription("HTTP requests each virtual user sends in order, in a loop.")
    private List<HttpRequestSpec> requests;

    @JsonPropertyDescription("Timeout of one request (Taurus time format, e.g. 10s, 500ms). Default 30s.")
    private String requestTimeout;

    public List<HttpRequestSpec> getRequests() {
        return requests;
    }

    public void setRequests(List<HttpRequestSpec> requests) {
        this.requests = requests;
    }

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }
}
