package dev.dlt.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import dev.dlt.ecs.client.EcsClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;

class EcsWorkerBackendTest {

    static final RunRef RUN = new RunRef("team-a", "checkout", "uid-1", "r-20250101");
    static final TestRegionSettings REGION = new TestRegionSettings("us-west", "us-west-2", "dlt", "dlt-worker:3", "agent",
            List.of("subnet-1", "subnet-2"), List.of("sg-1"), false, "dlt-results-us-west-2", null);
    static final byte[] SECRET = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);

    final FakeEcsApi ecs = new FakeEcsApi();
    final FakeTime time = new FakeTime();
    final Map<String, byte[]> published = new HashMap<>();
    final EcsWorkerBackend backend = new EcsWorkerBackend(new EcsClients(region -> ecs), (bucket, key, json) -> published.put(bucket + "/" + key, json),
            EcsBackendSettings.defaults().withLaunchDeadline(Duration.ofMinutes(2)).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10))
                    .withTime(time, time));

    static LaunchRequest request(int workers) {
        return new LaunchRequest(RUN, "us-west", IntStream.range(0, workers).mapToObj(i -> "w" + i).toList(),
                Map.of("DLT_TEST_ID", RUN.testId(), "DLT_RUN_ID", RUN.runId(), "DLT_S3_BUCKET", "dlt-results-us-west-2"),
                SECRET, "ignored-by-ecs", REGION);
    }

    @Test
    void launches25WorkersWithThreeRunTaskCallsOfAtMostTen() {
        backend.launchWorkers(request(25));

        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 10, 5);
        assertThat(ecs.tasks).hasSize(25);
        RunTaskRequest call = ecs.runTaskCalls.getFirst();
        assertThat(call.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(call.cluster()).isEqualTo("dlt");
        assertThat(call.taskDefinition()).isEqualTo("dlt-worker:3");
        assertThat(call.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly("subnet-1", "subnet-2");
        assertThat(call.networkConfiguration().awsvpcConfiguration().securityGroups()).containsExactly("sg-1");
        assertThat(call.networkConfiguration().awsvpcConfiguration().assignPublicIp()).isEqualTo(AssignPublicIp.DISABLED);
        assertThat(call.startedBy()).hasSizeLessThanOrEqualTo(36).isEqualTo(TaskIdentity.of(RUN, "us-west").startedBy());
        assertThat(call.group()).isEqualTo("dlt:team-a:checkout:r-20250101");
        assertThat(call.tags()).extracting(Tag::key, Tag::value)
                .contains(org.assertj.core.groups.Tuple.tuple("dlt:test-id", "team-a/checkout"),
                        org.assertj.core.groups.Tuple.tuple("dlt:run-id", "r-20250101"),
                        org.assertj.core.groups.Tuple.tuple("dlt:role", "worker"));
        assertThat(env(call)).containsEntry("DLT_ROLE", "worker")
                .containsEntry("DLT_RUN_SECRET", Base64.getEncoder().encodeToString(SECRET))
                .containsEntry("DLT_TEST_ID", "team-a/checkout")
                .doesNotContainKey("DLT_WORKER_ID");
        assertThat(call.overrides().containerOverrides().getFirst().name()).isEqualTo("agent");
    }

    @Test
    void aSecondLaunchAdoptsWhatRunsAndLaunchesOnlyTheMissingWorkers() {
        TaskIdentity identity = TaskIdentity.of(RUN, "us-west");
        for (int i = 0; i < 12; i++) {
            ecs.add(identity.startedBy(), identity.tags(WorkerRole.WORKER), "RUNNING");
        }

        backend.launchWorkers(request(25));
        backend.launchWorkers(request(25));

        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 3);
        assertThat(ecs.tasks).hasSize(25);
    }

    @Test
    void retriesFailuresThrottlingAndServerErrorsUntilEveryWorkerRuns() {
        ecs.then(throttling()).then(4).then(ServerException.builder().statusCode(500).message("internal").build()).then(10).then(0);

        backend.launchWorkers(request(25));

        assertThat(ecs.tasks).hasSize(25);
        assertThat(time.sleeps).hasSize(4).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
        assertThat(ecs.stopTaskCalls).isEmpty();
    }

    @Test
    void aRetryAfterALostResponseReusesItsClientTokenSoNothingRunsTwice() {
        ecs.then(FakeEcsApi.LOST_RESPONSE);

        backend.launchWorkers(request(10));

        assertThat(ecs.runTaskCalls).hasSize(2);
        assertThat(ecs.runTaskCalls.get(1).clientToken()).isEqualTo(ecs.runTaskCalls.get(0).clientToken());
        assertThat(ecs.tasks).hasSize(10);
    }

    @Test
    void aRetryAfterFailuresUsesANewClientToken() {
        ecs.then(10).then(0);

        backend.launchWorkers(request(10));

        assertThat(ecs.runTaskCalls).hasSize(2);
        assertThat(ecs.runTaskCalls.get(1).clientToken()).isNotEqualTo(ecs.runTaskCalls.get(0).clientToken());
        assertThat(ecs.tasks).hasSize(10);
    }

    @Test
    void givesUpAtTheDeadlineStopsWhatItStartedAndSaysWhy() {
        ecs.then(0);
        for (int i = 0; i < 100; i++) {
            ecs.then(10);
        }

        assertThatThrownBy(() -> backend.launchWorkers(request(25)))
                .isInstanceOf(EcsLaunchException.class)
                .hasMessageContaining("TestRegion us-west")
                .hasMessageContaining("cluster dlt")
                .hasMessageContaining("10 launched and stopped again")
                .hasMessageContaining("RESOURCE:MEMORY");
        assertThat(ecs.stopTaskCalls).extracting(StopTaskRequest::task).containsExactlyInAnyOrderElementsOf(ecs.tasks.keySet());
        assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aConfigurationErrorFailsAtOnce() {
        ecs.then(0).then(InvalidParameterException.builder().statusCode(400).message("subnet-2 does not exist").build());

        assertThatThrownBy(() -> backend.launchWorkers(request(25)))
                .isInstanceOf(EcsLaunchException.class).hasMessageContaining("subnet-2 does not exist");
        assertThat(time.sleeps).isEmpty();
        assertThat(ecs.stopTaskCalls).hasSize(10);
    }

    @Test
    void refusesOverridesOverTheEcsLimitBeforeCallingRunTask() {
        Map<String, String> env = new HashMap<>(request(1).env());
        env.put("DLT_HUGE", "x".repeat(8000));
        LaunchRequest request = new LaunchRequest(RUN, "us-west", List.of("w0"), env, SECRET, null, REGION);

        assertThatThrownBy(() -> backend.launchWorkers(request))
                .isInstanceOf(EcsLaunchException.class).hasMessageContaining("8192").hasMessageContaining("DLT_HUGE (8000)");
        assertThat(ecs.runTaskCalls).isEmpty();
    }

    @Test
    void observesInDescribeCallsOfAtMost100Tasks() {
        TaskIdentity identity = TaskIdentity.of(RUN, "us-west");
        for (int i = 0; i < 250; i++) {
            ecs.add(identity.startedBy(), identity.tags(WorkerRole.WORKER), "RUNNING");
        }
        ecs.taskDefinitions.put(FakeEcsApi.TASK_DEFINITION_ARN, FakeEcsApi.fargateDefinition(false));

        List<WorkerInstance> workers = backend.observe(RUN, request(250));

        assertThat(workers).hasSize(250).allSatisfy(w -> assertThat(w.state()).isEqualTo(WorkerState.READY));
        assertThat(workers).extracting(WorkerInstance::address).doesNotHaveDuplicates().allMatch(a -> a.matches("10\\.0\\.\\d+\\.\\d+:50000"));
        assertThat(ecs.describeTaskCalls).extracting(c -> c.tasks().size()).containsExactly(100, 100, 50);
    }

    @Test
    void withAHealthCheckInTheTaskDefinitionOnlyHealthyTasksAreReady() {
        ecs.taskDefinitions.put(FakeEcsApi.TASK_DEFINITION_ARN, FakeEcsApi.fargateDefinition(true));
        backend.launchWorkers(request(2));
        List<String> arns = List.copyOf(ecs.tasks.keySet());
        arns.forEach(arn -> ecs.update(arn, t -> t.lastStatus("RUNNING")));
        ecs.update(arns.get(0), t -> t.containers(c -> c.name("agent").healthStatus(HealthStatus.HEALTHY)));

        Map<String, WorkerState> states = backend.observe(RUN, request(2)).stream()
                .collect(Collectors.toMap(WorkerInstance::workerId, WorkerInstance::state));
        backend.observe(RUN, request(2));

        assertThat(states).containsEntry(TaskIdentity.taskId(arns.get(0)), WorkerState.READY)
                .containsEntry(TaskIdentity.taskId(arns.get(1)), WorkerState.PENDING);
        assertThat(ecs.describeTaskDefinitionCalls).isEqualTo(1);
    }

    @Test
    void theLeaderReadsTheWorkerAddressesFromS3AndIsLaunchedOnce() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            addresses.add("10.0." + i / 250 + "." + (i % 250 + 2) + ":50000");
        }

        backend.launchLeader(request(400), addresses);
        backend.launchLeader(request(400), addresses);

        String key = "test-scenarios/team-a/checkout/r-20250101/us-west-workers.json";
        assertThat(new String(published.get("dlt-results-us-west-2/" + key), StandardCharsets.UTF_8))
                .startsWith("[\"10.0.0.2:50000\",").contains("\"10.0.1.151:50000\"");
        assertThat(ecs.runTaskCalls).hasSize(1);
        RunTaskRequest call = ecs.runTaskCalls.getFirst();
        assertThat(call.count()).isEqualTo(1);
        assertThat(env(call)).containsEntry("DLT_ROLE", "leader").containsEntry("DLT_WORKER_ID", "leader")
                .containsEntry("DLT_WORKER_ADDRESSES_KEY", key);
        assertThat(backend.observe(RUN, request(400))).extracting(WorkerInstance::workerId, WorkerInstance::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("leader", WorkerRole.LEADER));
    }

    @Test
    void stopStopsEveryTaskNotYetToldToStop() {
        backend.launchWorkers(request(13));
        String alreadyStopped = ecs.tasks.keySet().iterator().next();
        ecs.update(alreadyStopped, t -> t.desiredStatus("STOPPED").lastStatus("STOPPED"));

        backend.stop(RUN, request(13));
        backend.stop(RUN, request(13));

        assertThat(ecs.stopTaskCalls).hasSize(12).allSatisfy(c -> {
            assertThat(c.reason()).isEqualTo("DLT run r-20250101 stopped");
            assertThat(c.task()).isNotEqualTo(alreadyStopped);
        });
        assertThat(ecs.tasks.values()).allMatch(t -> t.desiredStatus().equals("STOPPED"));
    }

    @Test
    void tasksOfOtherRunsAreNeitherCountedNorStopped() {
        TaskIdentity other = TaskIdentity.of(new RunRef("team-a", "checkout", "uid-1", "r-older"), "us-west");
        ecs.add(other.startedBy(), other.tags(WorkerRole.WORKER), "RUNNING");

        backend.launchWorkers(request(3));
        backend.stop(RUN, request(3));

        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(3);
        assertThat(ecs.stopTaskCalls).hasSize(3);
        assertThat(ecs.tasks.values()).filteredOn(t -> t.startedBy().equals(other.startedBy()))
                .allMatch(t -> t.desiredStatus().equals("RUNNING"));
    }

    static EcsException throttling() {
        return (EcsException) EcsException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .build();
    }

    static Map<String, String> env(RunTaskRequest call) {
        return call.overrides().containerOverrides().getFirst().environment().stream()
                .collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
    }
}
