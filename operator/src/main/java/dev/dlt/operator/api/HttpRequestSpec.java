package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** One HTTP request of the scenario. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HttpRequestSpec {

    @JsonPropertyDescription("Name under which results are reported; defaults to the URL.")
    private String label;

    @Required
    @JsonPropertyDescription("Absolute http:// or https:// URL.")
    private String url;

    @Pattern("^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)?$")
    @JsonPropertyDescription("HTTP method; default GET.")
    private String method;

    @JsonPropertyDescription("Request headers.")
    private Map<String, String> headers;

    @JsonPropertyDescription("Request body, sent as is.")
    private String body;

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
