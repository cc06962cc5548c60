package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** One HTTP request of the scenario. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HttpRequestSpec {

    @Size(min = 1, max = SpecLimits.MAX_LABEL)
    @ValidationRule(value = "!self.matches('" + SpecLimits.CONTROL_CHARS + "')", message = "must not contain control characters")
    @JsonPropertyDescription("Name under which results are reported, 1 to 128 characters, unique in the scenario; defaults to the URL.")
    private String label;

    @Required
    @Size(max = SpecLimits.MAX_URL)
    @Pattern(SpecLimits.URL)
    @JsonPropertyDescription("Absolute http:// or https:// URL with a host (port 1-65535), at most 2048 characters, no spaces or control characters.")
    private String url;

    @Pattern("^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)?$")
    @JsonPropertyDescription("HTTP method; default GET.")
    private String method;

    @Size(max = SpecLimits.MAX_HEADERS)
    // no CEL rule on names and values: the schema cannot bound a map's strings, so the API server would estimate it too costly
    @JsonPropertyDescription("Request headers, at most 50 (checked by the operator): names are RFC 9110 tokens (no spaces), values hold no CR, LF or other control characters and at most 8192 characters; "
            + "Content-Length and Transfer-Encoding are set by the engine.")
    private Map<String, String> headers;

    @Size(max = SpecLimits.MAX_BODY)
    @JsonPropertyDescription("Request body, sent as is; at most 65536 characters.")
    private String body;

    @Size(max = SpecLimits.MAX_HEADERS)
    @JsonPropertyDescription("Request headers whose values come from Secrets (for tokens and the like), resolved when a run launches; "
            + "together with headers at most 50, names not repeated.")
    private List<HeaderFromSpec> headersFrom;

    @JsonPropertyDescription("The request body from a Secret, instead of body; at most 65536 characters.")
    private ValueFromSpec bodyFrom;

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

    public List<HeaderFromSpec> getHeadersFrom() {
        return headersFrom;
    }

    public void setHeadersFrom(List<HeaderFromSpec> headersFrom) {
        this.headersFrom = headersFrom;
    }

    public ValueFromSpec getBodyFrom() {
        return bodyFrom;
    }

    public void setBodyFrom(ValueFromSpec bodyFrom) {
        this.bodyFrom = bodyFrom;
    }
}
