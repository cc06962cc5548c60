package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** What a load test runs: the scenario, the load per worker, and where the workers run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadTestSpec {

    @Required
    @JsonPropertyDescription("What each virtual user does: the HTTP requests it sends in order, again and again.")
    private ScenarioSpec scenario;

    @Required
    @JsonPropertyDescription("The load each worker generates (closed model, as Taurus/DLT): concurrency, ramp-up and hold-for.")
    private LoadSpec load;

    @Required
    @JsonPropertyDescription("Where the workers run; several entries make a multi-backend or multi-region test. Each worker generates the full load of spec.load.")
    private List<WorkerGroupSpec> workers;

    @Pattern("^(native|taurus)?$")
    @JsonPropertyDescription("Load engine inside each worker: 'native' (built-in HTTP engine) or 'taurus' (bzt + JMeter). Empty means the worker image's default.")
    private String engine;

    @io.fabric8.generator.annotation.Min(1)
    @io.fabric8.generator.annotation.Max(100)
    @JsonPropertyDescription("Percent of the workers that must report usable results for the run to succeed (the others are "
            + "left out and named in the PartialResults condition); default 90, as DLT's healthyThreshold.")
    private Integer healthyThreshold;

    public ScenarioSpec getScenario() {
        return scenario;
    }

    public void setScenario(ScenarioSpec scenario) {
        this.scenario = scenario;
    }

    public LoadSpec getLoad() {
        return load;
    }

    public void setLoad(LoadSpec load) {
        this.load = load;
    }

    public List<WorkerGroupSpec> getWorkers() {
        return workers;
    }

    public void setWorkers(List<WorkerGroupSpec> workers) {
        this.workers = workers;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public Integer getHealthyThreshold() {
        return healthyThreshold;
    }

    public void setHealthyThreshold(Integer healthyThreshold) {
        this.healthyThreshold = healthyThreshold;
    }
}
