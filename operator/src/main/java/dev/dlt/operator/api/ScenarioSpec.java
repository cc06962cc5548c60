package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The scenario every virtual user runs: simple HTTP requests, or a JMeter plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.requests) != has(self.jmeter)", message = "set either requests or jmeter")
public class ScenarioSpec {

    @Size(min = 1, max = SpecLimits.MAX_REQUESTS)
    @ValidationRule(value = "self.all(r, !has(r.label) || self.filter(o, has(o.label) && o.label == r.label).size() == 1)",
            message = "labels must be unique")
    @JsonPropertyDescription("HTTP requests each virtual user sends in order, in a loop (DLT test type simple); 1 to 100, labels unique.")
    private List<HttpRequestSpec> requests;

    @JsonPropertyDescription("An existing JMeter plan instead of requests (DLT test type jmeter); needs engine taurus.")
    private JmeterPlanSpec jmeter;

    @Pattern(SpecLimits.DURATION)
    @Size(max = SpecLimits.MAX_DURATION_TEXT)
    @ValidationRule(value = "self.matches('[1-9]')", message = "must be longer than 0s")
    @JsonPropertyDescription("Timeout of one request (Taurus time format, e.g. 10s, 500ms); more than 0s, at most 10m. Default 30s.")
    private String requestTimeout;

    public List<HttpRequestSpec> getRequests() {
        return requests;
    }

    public void setRequests(List<HttpRequestSpec> requests) {
        this.requests = requests;
    }

    public JmeterPlanSpec getJmeter() {
        return jmeter;
    }

    public void setJmeter(JmeterPlanSpec jmeter) {
        this.jmeter = jmeter;
    }

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }
}
