package dev.dlt.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerBackend;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerSettings;
import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.TolerationSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.operator.api.WorkerResourcesSpec;
import dev.dlt.operator.backend.WorkerBackends;
import dev.dlt.operator.config.RunSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker group's own settings travel from the spec through the run plan into each region's launch request. */
class WorkerGroupSettingsTest {

    private static final TestRegionSettings US_WEST = new TestRegionSettings("us-west", "us-west-2", "dlt", "dlt-worker:3", "agent",
            List.of("subnet-1"), List.of("sg-1"), false, "bucket-us", null);
    private final RunSettings settings = new RunSettings("results", "eu-west-1", Map.of(), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofSeconds(5), 10);

    @Test
    void eachRegionsLaunchRequestCarriesItsGroupsSettings() {
        LoadTest test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("checkout").withUid("uid-1").build());
        test.setSpec(TestSpecs.valid());
        WorkerGroupSpec eks = test.getSpec().getWorkers().getFirst();
        eks.setResources(resources("2", "4Gi"));
        eks.setNodeSelector(Map.of("workload", "load"));
        TolerationSpec toleration = new TolerationSpec();
        toleration.setKey("dedicated");
        toleration.setOperator("Exists");
        toleration.setEffect("NoSchedule");
        eks.setTolerations(List.of(toleration));
        eks.setLabels(Map.of("team", "payments"));
        eks.setAnnotations(Map.of("cost-center", "42"));
        eks.setServiceAccountName("load-irsa");
        WorkerGroupSpec ecs = new WorkerGroupSpec();
        ecs.setBackend("ecs-fargate");
        ecs.setTestRegionRef("us-west");
        ecs.setCount(2);
        test.getSpec().getWorkers().add(ecs);
        RunPlanner planner = new RunPlanner((namespace, name) -> US_WEST,
                new WorkerBackends(List.of(backend("eks-fargate"), backend("ecs-fargate"))), "results");

        RunPlan plan = planner.plan(test, "r1");

        LaunchRequest eksRequest = WorkerEnvironment.request(plan, plan.regions().get(0), settings, new byte[32], "gate");
        assertThat(eksRequest.workers()).isEqualTo(new WorkerSettings("2", "4Gi", Map.of("workload", "load"),
                List.of(new WorkerSettings.Toleration("dedicated", "Exists", null, "NoSchedule", null)), Map.of("team", "payments"),
                Map.of("cost-center", "42"), "load-irsa"));
        LaunchRequest ecsRequest = WorkerEnvironment.request(plan, plan.regions().get(1), settings, new byte[32], "gate");
        assertThat(ecsRequest.region()).isEqualTo("us-west");
        assertThat(ecsRequest.workers()).as("a group without settings keeps every default").isEqualTo(WorkerSettings.DEFAULTS);
    }

    private static WorkerResourcesSpec resources(String cpu, String memory) {
        WorkerResourcesSpec resources = new WorkerResourcesSpec();
        resources.setCpu(cpu);
        resources.setMemory(memory);
        return resources;
    }

    private static WorkerBackend backend(String type) {
        return new WorkerBackend() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public LaunchProgress launchWorkers(LaunchRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public LaunchProgress launchLeader(LaunchRequest request, List<String> workerAddresses) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String service() {
                return type;
            }

            @Override
            public List<WorkerInstance> observe(RunRef run, LaunchRequest request) {
                return List.of();
            }

            @Override
            public void stop(RunRef run, LaunchRequest request) {
            }
        };
    }
}
