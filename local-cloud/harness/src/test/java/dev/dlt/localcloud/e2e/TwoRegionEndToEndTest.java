package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workers on both backends: pods (region "eks") and ECS tasks in a TestRegion served by the ECS
 * emulator, each region with its own leader, results per region and in total.
 */
@ExtendWith(LocalCloudExtension.class)
class TwoRegionEndToEndTest {

    private CloudTestBed bed;
    private LocalCloud cloud;
    private LoadTests tests;
    private TargetServer target;

    @BeforeEach
    void start(CloudTestBed bed) throws Exception {
        this.bed = bed;
        cloud = bed.cloud();
        tests = bed.tests();
        target = bed.target("127.0.98.3", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(3)));
        cloud.ecs().faults().clear();
    }

    @AfterEach
    void stop() {
        cloud.ecs().faults().clear();
    }

    @Test
    void podsAndEcsTasksRunTogetherAndAreAggregatedPerRegion() {
        applyRegion("west", LocalCloud.ECS_TASK_DEFINITION);
        awaitReady("west", "True");
        int callsBefore = cloud.ecs().runTaskCalls(LocalCloud.ECS_REGION);
        tests.apply(loadTest("mixed", "[{backend: eks-fargate, count: 2}, {backend: ecs-fargate, testRegionRef: west, count: 3}]", "3s"));

        LoadTestView done = bed.awaitSucceeded("mixed", Duration.ofMinutes(2));

        long requests = (long) LoadTestView.number(done.result().get("requests"));
        assertThat(requests).isPositive().isEqualTo(target.counters().requests());
        List<Map<String, Object>> perRegion = LoadTestView.list(done.result().get("perRegion"));
        assertThat(perRegion).extracting(r -> r.get("label")).containsExactlyInAnyOrder("eks", "west");
        assertThat(perRegion.stream().mapToLong(r -> (long) LoadTestView.number(r.get("requests"))).sum()).isEqualTo(requests);
        assertThat(LoadTestView.list(done.run().get("regions"))).allSatisfy(r -> assertThat(r.get("leader")).isEqualTo("STARTED"));
        // both leaders sent the one instant the operator chose once both had reached their workers
        String run = (String) done.run().get("id");
        assertThat(List.of("eks", "west")).extracting(region -> leaderStartAt(run, region)).containsOnly(
                java.time.Instant.parse((String) done.run().get("startedAt")).toEpochMilli());
        assertThat(LoadTestView.number(LoadTestView.map(done.run().get("workers")).get("reported"))).isEqualTo(5);
        // one RunTask call for the 3 workers (ceil(3/10)) and one for the region's leader
        assertThat(cloud.ecs().runTaskCalls(LocalCloud.ECS_REGION) - callsBefore).isEqualTo(2);
        List<Integer> perCall = cloud.ecs().tasksLaunchedPerCall();
        assertThat(perCall.subList(perCall.size() - 2, perCall.size())).containsExactly(3, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> cloud.ecs().runningTasks() == 0 && tests.pods("mixed").isEmpty());
        tests.delete("mixed");
        tests.deleteTestRegion("west");
    }

    @Test
    void throttlingOnAThirdOfRunTaskCallsStillLaunchesEveryWorker() {
        applyRegion("busy", LocalCloud.ECS_TASK_DEFINITION);
        awaitReady("busy", "True");
        cloud.ecs().faults().throttleEveryRunTask(3);
        int throttledBefore = cloud.ecs().faults().throttledCalls();

        tests.apply(loadTest("throttled", "[{backend: ecs-fargate, testRegionRef: busy, count: 21}]", "2s"));
        LoadTestView done = bed.awaitSucceeded("throttled", Duration.ofMinutes(3));

        assertThat(cloud.ecs().faults().throttledCalls()).isGreaterThan(throttledBefore);
        assertThat(LoadTestView.number(LoadTestView.map(done.run().get("workers")).get("reported"))).isEqualTo(21);
        assertThat((long) LoadTestView.number(done.result().get("requests"))).isEqualTo(target.counters().requests());
        tests.delete("throttled");
        tests.deleteTestRegion("busy");
    }

    @Test
    void anUnknownTestRegionFailsTheRunAndLaunchesNothing() {
        int calls = cloud.ecs().runTaskCalls();
        tests.apply(loadTest("lost", "[{backend: eks-fargate, count: 1}, {backend: ecs-fargate, testRegionRef: nowhere, count: 2}]", "2s"));

        LoadTestView failed = tests.await("lost", LoadTestView::terminal, Duration.ofSeconds(60));

        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.message()).isEqualTo("TestRegion default/nowhere does not exist");
        assertThat(tests.pods("lost")).isEmpty();
        assertThat(cloud.ecs().runTaskCalls()).isEqualTo(calls);
        tests.delete("lost");
    }

    @Test
    void aTestRegionThatIsNotReadyFailsTheRunWithItsReason() {
        applyRegion("broken", "no-such-task-definition");
        awaitReady("broken", "False");
        int calls = cloud.ecs().runTaskCalls();
        tests.apply(loadTest("blocked", "[{backend: ecs-fargate, testRegionRef: broken, count: 2}]", "2s"));

        LoadTestView failed = tests.await("blocked", LoadTestView::terminal, Duration.ofSeconds(60));

        assertThat(failed.phase()).isEqualTo("Failed");
        assertThat(failed.message()).startsWith("TestRegion default/broken is not Ready: ").contains("no-such-task-definition");
        assertThat(cloud.ecs().runTaskCalls()).isEqualTo(calls);
        tests.delete("blocked");
        tests.deleteTestRegion("broken");
    }

    @Test
    void deletingARunningLoadTestStopsItsEcsTasks() {
        applyRegion("long", LocalCloud.ECS_TASK_DEFINITION);
        awaitReady("long", "True");
        tests.apply(loadTest("endless", "[{backend: ecs-fargate, testRegionRef: long, count: 4}]", "10m"));
        tests.await("endless", v -> "Running".equals(v.phase()), Duration.ofSeconds(90));
        assertThat(cloud.ecs().runningTasks()).isEqualTo(4);

        tests.delete("endless");

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> cloud.ecs().runningTasks() == 0 && tests.get("endless") == null);
        tests.deleteTestRegion("long");
    }

    private long leaderStartAt(String run, String region) {
        String json = bed.object("results/default/mixed/" + run + "/" + region + "/leader.json");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("startAtMs").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void applyRegion(String name, String taskDefinition) {
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: TestRegion
                metadata: {name: %s, namespace: default}
                spec:
                  region: %s
                  cluster: %s
                  taskDefinition: %s
                  containerName: %s
                  subnets: [subnet-local]
                  securityGroups: [sg-local]
                """.formatted(name, LocalCloud.ECS_REGION, LocalCloud.ECS_CLUSTER, taskDefinition, LocalCloud.ECS_CONTAINER));
    }

    private void awaitReady(String name, String ready) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> LoadTestView.list(tests.testRegionStatus(name).get("conditions"))
                .stream().anyMatch(c -> "Ready".equals(c.get("type")) && ready.equals(c.get("status"))));
    }

    private String loadTest(String name, String workers, String holdFor) {
        return """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario: {requests: [{label: ping, url: "%sping"}]}
                  load: {concurrency: 2, holdFor: %s}
                  workers: %s
                """.formatted(name, target.baseUri(), holdFor, workers);
    }
}
