package dev.dlt.operator.plan;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.api.ArrivalRateSpec;
import dev.dlt.operator.api.HeaderFromSpec;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.RegionRunStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.operator.backend.WorkerBackends;
import dev.dlt.operator.plan.JmeterPlan;
import dev.dlt.results.scenario.SealedRequestValues;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Turns a validated spec into a {@link RunPlan}: regions, worker ids, and the Taurus scenario. */
public class RunPlanner {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RunPlanner.class);
    private final TestRegions testRegions;
    private final WorkerBackends backends;
    private final String defaultBucket;

    public RunPlanner(TestRegions testRegions, WorkerBackends backends, String defaultBucket) {
        this.testRegions = testRegions;
        this.backends = backends;
        this.defaultBucket = defaultBucket;
    }

    public RunPlan plan(LoadTest test, String runId) {
        LoadTestSpec spec = test.getSpec();
        RunRef run = new RunRef(test.getMetadata().getNamespace(), test.getMetadata().getName(), test.getMetadata().getUid(), runId);
        List<RegionPlan> regions = new ArrayList<>();
        for (WorkerGroupSpec group : spec.getWorkers()) {
            String region = group.getTestRegionRef() != null ? group.getTestRegionRef() : RegionPlan.CLUSTER_REGION;
            RegionPlan plan = region(run.namespace(), region, group.getBackend(), group.getCount());
            regions.add(new RegionPlan(plan.region(), plan.backend(), plan.workerIds(), plan.bucket(), plan.testRegion(), plan.idsLearned(),
                    WorkerGroupSettings.of(group)));
        }
        Duration rampUp = spec.getLoad().getRampUp() == null ? Duration.ZERO : TaurusDuration.parse(spec.getLoad().getRampUp());
        Duration holdFor = TaurusDuration.parse(spec.getLoad().getHoldFor());
        int workers = spec.getWorkers().stream().mapToInt(WorkerGroupSpec::getCount).sum();
        return new RunPlan(run, regions, scenario(spec, rampUp, holdFor, workers), spec.getEngine(), loadDuration(spec));
    }

    /** Ramp-up plus hold-for of a validated spec, plus the stages of an open model. */
    public static Duration loadDuration(LoadTestSpec spec) {
        Duration rampUp = spec.getLoad().getRampUp() == null ? Duration.ZERO : TaurusDuration.parse(spec.getLoad().getRampUp());
        return rampUp.plus(TaurusDuration.parse(spec.getLoad().getHoldFor())).plus(OpenModelPlan.stagesDuration(spec.getLoad()));
    }

    /**
     * The regions a run launched in, as its status recorded them (the spec may have changed since), to
     * stop and record it; a region that can no longer be reached (its TestRegion deleted) is left out
     * with a warning, since there is nothing left to stop it with.
     */
    public RunPlan launched(LoadTest test, RunStatus status) {
        RunRef run = new RunRef(test.getMetadata().getNamespace(), test.getMetadata().getName(), test.getMetadata().getUid(),
                status.getId());
        List<RegionPlan> regions = new ArrayList<>();
        for (RegionRunStatus region : status.getRegions() == null ? List.<RegionRunStatus>of() : status.getRegions()) {
            try {
                regions.add(region(run.namespace(), region.getRegion(), region.getBackend(), 0));
            } catch (TestRegions.UnusableTestRegion e) {
                LOG.warnf("cannot stop the workers of run %s in %s: %s", run.runId(), region.getRegion(), e.getMessage());
            }
        }
        return new RunPlan(run, regions, null, null, Duration.ZERO);
    }

    private RegionPlan region(String namespace, String region, String backend, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "w" + i).toList();
        boolean idsLearned = backends.get(backend).workersNameThemselves();
        if (!RegionPlan.CLUSTER_REGION.equals(region)) {
            var settings = testRegions.settings(namespace, region);
            return new RegionPlan(region, backend, ids, settings.bucket() == null ? defaultBucket : settings.bucket(), settings,
                    idsLearned);
        }
        return new RegionPlan(RegionPlan.CLUSTER_REGION, backend, ids, defaultBucket, null, idsLearned);
    }

    static TaurusConfig scenario(LoadTestSpec spec, Duration rampUp, Duration holdFor) {
        return scenario(spec, rampUp, holdFor, 1);
    }

    /**
     * The Taurus config of every worker; an open model becomes, on engine taurus, Taurus' throughput
     * (the worker's whole share, validated), concurrency (maxConcurrency) and steps, and on the
     * built-in engine our own arrival-rate schedule of the worker's share.
     */
    static TaurusConfig scenario(LoadTestSpec spec, Duration rampUp, Duration holdFor, int workers) {
        List<TaurusConfig.Request> requests = new ArrayList<>();
        List<HttpRequestSpec> specRequests = spec.getScenario().getRequests() == null ? List.of() : spec.getScenario().getRequests();
        for (int i = 0; i < specRequests.size(); i++) {
            HttpRequestSpec r = specRequests.get(i);
            String method = r.getMethod() == null || r.getMethod().isEmpty() ? "GET" : r.getMethod();
            String label = r.getLabel() == null ? r.getUrl() : r.getLabel();
            // values from Secrets are placeholders here: LaunchStep seals the values next to them
            Map<String, String> headers = r.getHeaders() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.getHeaders());
            if (r.getHeadersFrom() != null) {
                for (HeaderFromSpec header : r.getHeadersFrom()) {
                    headers.put(header.getName(), SealedRequestValues.headerPlaceholder(i, header.getName()));
                }
            }
            String body = r.getBodyFrom() != null ? SealedRequestValues.bodyPlaceholder(i) : r.getBody();
            requests.add(new TaurusConfig.Request(label, r.getUrl(), method, headers, body));
        }
        String timeout = spec.getScenario().getRequestTimeout() == null ? null
                : TaurusDuration.format(TaurusDuration.parse(spec.getScenario().getRequestTimeout()));
        JmeterPlanSpec jmeter = spec.getScenario().getJmeter();
        String script = jmeter == null ? null
                : JmeterPlan.fileName(jmeter.getConfigMapRef() != null ? jmeter.getConfigMapRef().getKey() : jmeter.getS3().getKey());
        ArrivalRateSpec open = spec.getLoad().getArrivalRate();
        if (open == null) {
            return new TaurusConfig(spec.getLoad().getConcurrency(), TaurusDuration.format(rampUp), TaurusDuration.format(holdFor),
                    timeout, requests, script, spec.getLoad().getThroughput());
        }
        int concurrency = open.getMaxConcurrency() != null ? open.getMaxConcurrency() : spec.getLoad().getConcurrency();
        if ("taurus".equals(spec.getEngine())) {
            return new TaurusConfig(concurrency, TaurusDuration.format(rampUp), TaurusDuration.format(holdFor), timeout, requests, script,
                    (int) Math.round(OpenModelPlan.workerRate(open, workers)), null, open.getRampSteps());
        }
        return new TaurusConfig(concurrency, TaurusDuration.format(rampUp), TaurusDuration.format(holdFor), timeout, requests, script,
                null, OpenModelPlan.perWorker(spec.getLoad(), rampUp, holdFor, workers), null);
    }
}
