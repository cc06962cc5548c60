package dev.dlt.operator.reconciler;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.operator.plan.JmeterPlan;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Turns a validated spec into a {@link RunPlan}: regions, worker ids, and the Taurus scenario. */
public class RunPlanner {

    private final TestRegions testRegions;
    private final String defaultBucket;

    public RunPlanner(TestRegions testRegions, String defaultBucket) {
        this.testRegions = testRegions;
        this.defaultBucket = defaultBucket;
    }

    public RunPlan plan(LoadTest test, String runId) {
        LoadTestSpec spec = test.getSpec();
        RunRef run = new RunRef(test.getMetadata().getNamespace(), test.getMetadata().getName(), test.getMetadata().getUid(), runId);
        List<RegionPlan> regions = new ArrayList<>();
        for (WorkerGroupSpec group : spec.getWorkers()) {
            String region = "ecs-fargate".equals(group.getBackend()) ? group.getTestRegionRef() : RegionPlan.EKS_REGION;
            regions.add(region(run.namespace(), region, group.getBackend(), group.getCount()));
        }
        Duration rampUp = spec.getLoad().getRampUp() == null ? Duration.ZERO : TaurusDuration.parse(spec.getLoad().getRampUp());
        Duration holdFor = TaurusDuration.parse(spec.getLoad().getHoldFor());
        return new RunPlan(run, regions, scenario(spec, rampUp, holdFor), spec.getEngine(), rampUp.plus(holdFor));
    }

    /** The region a run launched in, e.g. to stop it; the worker count only matters for launching. */
    public RegionPlan region(String namespace, String region, String backend) {
        return region(namespace, region, backend, 0);
    }

    private RegionPlan region(String namespace, String region, String backend, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "w" + i).toList();
        if ("ecs-fargate".equals(backend)) {
            var settings = testRegions.settings(namespace, region);
            return new RegionPlan(region, backend, ids, settings.bucket() == null ? defaultBucket : settings.bucket(), settings);
        }
        return new RegionPlan(RegionPlan.EKS_REGION, backend, ids, defaultBucket, null);
    }

    static TaurusConfig scenario(LoadTestSpec spec, Duration rampUp, Duration holdFor) {
        List<TaurusConfig.Request> requests = new ArrayList<>();
        List<HttpRequestSpec> specRequests = spec.getScenario().getRequests() == null ? List.of() : spec.getScenario().getRequests();
        for (HttpRequestSpec r : specRequests) {
            String method = r.getMethod() == null || r.getMethod().isEmpty() ? "GET" : r.getMethod();
            String label = r.getLabel() == null ? r.getUrl() : r.getLabel();
            requests.add(new TaurusConfig.Request(label, r.getUrl(), method, r.getHeaders(), r.getBody()));
        }
        String timeout = spec.getScenario().getRequestTimeout() == null ? null
                : TaurusDuration.format(TaurusDuration.parse(spec.getScenario().getRequestTimeout()));
        JmeterPlanSpec jmeter = spec.getScenario().getJmeter();
        String script = jmeter == null ? null
                : JmeterPlan.fileName(jmeter.getConfigMapRef() != null ? jmeter.getConfigMapRef().getKey() : jmeter.getS3().getKey());
        return new TaurusConfig(spec.getLoad().getConcurrency(), TaurusDuration.format(rampUp), TaurusDuration.format(holdFor),
                timeout, requests, script, spec.getLoad().getThroughput());
    }
}
