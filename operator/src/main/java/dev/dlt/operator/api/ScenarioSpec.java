package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The scenario every virtual user runs: simple HTTP requests, or a JMeter plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.requests) != has(self.jmeter)", message = "set either requests or jmeter")
public class ScenarioSpec {

    @JsonPropertyDescription("HTTP requests each virtual user sends in order, in a loop (DLT test type simple).")
    private List<HttpRequestSpec> requests;

    @JsonPropertyDescription("An existing JMeter plan instead of requests (DLT test type jmeter); needs engine taurus.")
    private JmeterPlanSpec jmeter;

    @JsonPropertyDescription("Timeout of one request (Taurus time format, e.g. 10s, 500ms). Default 30s.")
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
