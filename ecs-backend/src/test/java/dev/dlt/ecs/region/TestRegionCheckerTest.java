package dev.dlt.ecs.region;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.ecs.FakeEcsApi;
import dev.dlt.ecs.client.EcsClients;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class TestRegionCheckerTest {

    final FakeEcsApi ecs = new FakeEcsApi();
    final TestRegionChecker checker = new TestRegionChecker(new EcsClients(region -> ecs));

    @BeforeEach
    void clusterAndTaskDefinitionExist() {
        ecs.clusters.put("dlt", Cluster.builder().clusterName("dlt").status("ACTIVE").build());
        ecs.taskDefinitions.put("dlt-worker:3", FakeEcsApi.fargateDefinition(true));
    }

    static TestRegionSettings region(String cluster, String taskDefinition, String container, String logGroup) {
        return new TestRegionSettings("us-west", "us-west-2", cluster, taskDefinition, container, List.of("subnet-1"), List.of(),
                false, "bucket", logGroup);
    }

    @Test
    void isReadyWhenClusterAndTaskDefinitionFit() {
        TestRegionCheck check = checker.check(region("dlt", "dlt-worker:3", "agent", "/dlt/workers"));

        assertThat(check.ready()).isTrue();
        assertThat(check.reason()).isEqualTo("ResourcesFound");
        assertThat(check.message()).contains("dlt-worker:3", "with a health check");
    }

    @Test
    void namesTheMissingCluster() {
        TestRegionCheck check = checker.check(region("load", "dlt-worker:3", "agent", null));

        assertThat(check.ready()).isFalse();
        assertThat(check.reason()).isEqualTo("ClusterNotFound");
        assertThat(check.message()).isEqualTo("ECS cluster load not found in us-west-2 (MISSING)");
    }

    @Test
    void namesAnInactiveCluster() {
        ecs.clusters.put("dlt", Cluster.builder().clusterName("dlt").status("INACTIVE").build());

        TestRegionCheck check = checker.check(region("dlt", "dlt-worker:3", "agent", null));

        assertThat(check.reason()).isEqualTo("ClusterNotActive");
        assertThat(check.message()).contains("INACTIVE");
    }

    @Test
    void namesTheMissingTaskDefinition() {
        TestRegionCheck check = checker.check(region("dlt", "dlt-worker:9", "agent", null));

        assertThat(check.ready()).isFalse();
        assertThat(check.reason()).isEqualTo("TaskDefinitionNotFound");
        assertThat(check.message()).contains("dlt-worker:9", "us-west-2", "Unable to describe task definition.");
    }

    @Test
    void listsEverythingThatMakesATaskDefinitionUnusable() {
        TaskDefinition ec2 = FakeEcsApi.fargateDefinition(false).toBuilder().requiresCompatibilities(Compatibility.EC2)
                .networkMode(NetworkMode.BRIDGE).build();
        ecs.taskDefinitions.put("dlt-worker:3", ec2);

        TestRegionCheck check = checker.check(region("dlt", "dlt-worker:3", "worker", null));

        assertThat(check.reason()).isEqualTo("TaskDefinitionNotUsable");
        assertThat(check.message()).contains("does not require FARGATE", "network mode bridge", "no container named 'worker'",
                "containers: [agent]");
    }

    @Test
    void namesALogGroupThatDoesNotMatch() {
        TestRegionCheck check = checker.check(region("dlt", "dlt-worker:3", "agent", "/other"));

        assertThat(check.ready()).isFalse();
        assertThat(check.message()).contains("logs container 'agent' to /dlt/workers, not to /other");
    }

    @Test
    void needsASubnet() {
        TestRegionSettings noSubnets = new TestRegionSettings("us-west", "us-west-2", "dlt", "dlt-worker:3", "agent", List.of(),
                List.of(), false, "bucket", null);

        assertThat(checker.check(noSubnets).reason()).isEqualTo("NoSubnets");
    }
}
