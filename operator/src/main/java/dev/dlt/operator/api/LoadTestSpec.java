package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What a load test runs: the scenario, the load per worker, and where the workers run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.scenario) || !has(self.scenario.jmeter) || !has(self.engine) || self.engine != 'native'",
        message = "a JMeter plan runs on engine taurus, not native")
@ValidationRule(value = "!has(self.thresholds) || !has(self.scenario) || !has(self.scenario.requests) || self.thresholds.all(t, !has(t.label) "
        + "|| self.scenario.requests.exists(r, (has(r.label) ? r.label : r.url) == t.label))",
        message = "a threshold's label must be one of spec.scenario.requests[].label (or the URL of a request without a label)")
@ValidationRule(value = "has(self.baseline) || !has(self.thresholds) || self.thresholds.all(t, !has(t.relativeTo))",
        message = "a threshold relative to the baseline needs spec.baseline (previous or a run id)")
public class LoadTestSpec extends LenientSpec {

    @Required
    @JsonPropertyDescription("What each virtual user does: the HTTP requests it sends in order, again and again.")
    private ScenarioSpec scenario;

    @Required
    @JsonPropertyDescription("The load each worker generates (closed model, as Taurus/DLT): concurrency, ramp-up and hold-for.")
    private LoadSpec load;

    @Required
    @Size(min = 1, max = SpecLimits.MAX_WORKER_GROUPS)
    @ValidationRule(value = "self.filter(g, g.backend == 'eks-fargate').size() <= 1",
            message = "eks-fargate is used by two groups; merge them")
    @ValidationRule(value = "self.all(g, !has(g.testRegionRef) || self.filter(o, has(o.testRegionRef) && o.testRegionRef == g.testRegionRef).size() == 1)",
            message = "a testRegionRef is used by two groups; merge them")
    @JsonPropertyDescription("Where the workers run; several entries (at most 20) make a multi-backend or multi-region test. Each worker generates the full load of spec.load; "
            + "at most 1000 workers in total and 500000 virtual users (workers x concurrency).")
    private List<WorkerGroupSpec> workers;

    @Pattern("^(native|taurus)?$")
    @JsonPropertyDescription("Load engine inside each worker: 'native' (built-in HTTP engine) or 'taurus' (bzt + JMeter). Empty means the worker image's default.")
    private String engine;

    @Min(1)
    @Max(100)
    @Default("90")
    @JsonPropertyDescription("Percent of the workers (1-100) that must report usable results for the run to succeed (the others "
            + "are left out and named in the PartialResults condition); default 90 (DLT's healthyThreshold).")
    private Integer healthyThreshold;

    @Size(max = SpecLimits.MAX_THRESHOLDS)
    @JsonPropertyDescription("Pass/fail bounds on the run's fleet-wide result (at most 50), e.g. {metric: p95, below: 300ms}; they set "
            + "status.result.verdict and the Passed condition. None means verdict NoThresholds.")
    private List<ThresholdSpec> thresholds;

    @Size(max = 200)
    @JsonPropertyDescription("A cron schedule (standard 5 fields: minute hour day-of-month month day-of-week, e.g. '0 9 * * 1'), in spec.timeZone. A scheduled test runs at these times, not when its spec changes.")
    private String schedule;

    @Size(max = 64)
    @JsonPropertyDescription("IANA time zone of spec.schedule and spec.startAt without offset (e.g. Europe/Berlin); default UTC. Wall-clock times a DST change skips run at the same offset after the jump; times it repeats run once.")
    private String timeZone;

    @Size(max = 64)
    @JsonPropertyDescription("RFC 3339 instant (e.g. 2026-12-01T09:00:00+01:00). Alone: the test runs once, at that time. With spec.schedule: the schedule starts there, and spec.everyNthWeek counts weeks from its week.")
    private String startAt;

    @Min(1)
    @Max(52)
    @JsonPropertyDescription("With spec.schedule and spec.startAt: run only in every Nth week (Monday to Sunday, in spec.timeZone) counted from the week of spec.startAt; 2 makes a biweekly schedule. Default 1.")
    private Integer everyNthWeek;

    @Pattern(SpecLimits.DURATION)
    @JsonPropertyDescription("How late a scheduled run may still start (e.g. the operator was down at its time): within it, the latest missed time runs once; beyond it, it is skipped. Default 5m.")
    private String startingDeadline;

    @JsonPropertyDescription("What a scheduled time does while a run is active: Skip (default; counted in status.skippedRuns) or Replace (cancel the active run, start the scheduled one).")
    private ConcurrencyPolicy concurrencyPolicy;

    @JsonPropertyDescription("true stops the active run (phase Cancelled, what the workers stored is kept and recorded) and pauses the schedule, run-now requests and runs on spec changes; false resumes them (a test without schedule then runs its spec, like any spec change).")
    private Boolean suspend;

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

    public Integer getHealthyThreshold() {
        return healthyThreshold;
    }

    public void setHealthyThreshold(Integer healthyThreshold) {
        this.healthyThreshold = healthyThreshold;
    }

    /** {@link #getHealthyThreshold()}, or its default of 90 when not set. */
    public int healthyThresholdPercent() {
        return healthyThreshold == null ? SpecLimits.DEFAULT_HEALTHY_THRESHOLD : healthyThreshold;
    }

    public String getEngine() {
        return engine;
    }

    public void setEngine(String engine) {
        this.engine = engine;
    }

    public List<ThresholdSpec> getThresholds() {
        return thresholds;
    }

    public void setThresholds(List<ThresholdSpec> thresholds) {
        this.thresholds = thresholds;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getStartAt() {
        return startAt;
    }

    public void setStartAt(String startAt) {
        this.startAt = startAt;
    }

    public Integer getEveryNthWeek() {
        return everyNthWeek;
    }

    public void setEveryNthWeek(Integer everyNthWeek) {
        this.everyNthWeek = everyNthWeek;
    }

    public String getStartingDeadline() {
        return startingDeadline;
    }

    public void setStartingDeadline(String startingDeadline) {
        this.startingDeadline = startingDeadline;
    }

    public ConcurrencyPolicy getConcurrencyPolicy() {
        return concurrencyPolicy;
    }

    public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
        this.concurrencyPolicy = concurrencyPolicy;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    @Pattern("^(previous|[a-z0-9][a-z0-9-]{0,62})$")
    @JsonPropertyDescription("The run each finished run is compared with (status.comparison, and thresholds with relativeTo: baseline): "
            + "'previous' for the last run of this test that ended Succeeded, or a run id (status.history[].runId), which stays pinned.")
    private String baseline;

    public String getBaseline() {
        return baseline;
    }

    public void setBaseline(String baseline) {
        this.baseline = baseline;
    }
}
