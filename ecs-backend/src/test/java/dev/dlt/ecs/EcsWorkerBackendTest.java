package dev.dlt.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerSettings;
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
    final EcsWorkerBackend backend = backend(EcsBackendSettings.defaults().withBackoff(BACKOFF_BASE, BACKOFF_MAX).withClock(time));

    static final Duration BACKOFF_BASE = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(10);

    EcsWorkerBackend backend(EcsBackendSettings settings) {
        return new EcsWorkerBackend(new EcsClients(region -> ecs), (bucket, key, json) -> published.put(bucket + "/" + key, json), settings);
    }

    /** What the operator does between two launch calls after a setback: it reschedules, and the run's backoff has passed. */
    void later() {
        time.advance(BACKOFF_MAX);
    }

    static LaunchRequest request(int workers) {
        return new LaunchRequest(RUN, "us-west", IntStream.range(0, workers).mapToObj(i -> "w" + i).toList(),
                Map.of("DLT_TEST_ID", RUN.testId(), "DLT_RUN_ID", RUN.runId(), "DLT_S3_BUCKET", "dlt-results-us-west-2"),
                SECRET, "ignored-by-ecs", REGION);
    }

    @Test
    void launches25WorkersWithThreeRunTaskCallsOfAtMostTenInOneCall() {
        LaunchProgress progress = backend.launchWorkers(request(25));

        assertThat(progress).isEqualTo(new LaunchProgress(25, 25, List.of()));
        assertThat(progress.complete()).isTrue();
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 10, 5);
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::clientToken).doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).hasSizeLessThanOrEqualTo(64));
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
    void aSecondLaunchAdoptsWhatRunsAndARepeatedCallAfterwardsMakesNoRunTaskCall() {
        TaskIdentity identity = TaskIdentity.of(RUN, "us-west");
        for (int i = 0; i < 12; i++) {
            ecs.add(identity.startedBy(), identity.tags(WorkerRole.WORKER), "RUNNING");
        }

        LaunchProgress first = backend.launchWorkers(request(25));
        LaunchProgress again = backend.launchWorkers(request(25));
        LaunchProgress later = backend.launchWorkers(request(25));

        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 3);
        assertThat(ecs.tasks).hasSize(25);
        assertThat(List.of(first, again, later)).allSatisfy(p -> assertThat(p).isEqualTo(LaunchProgress.complete(25)));
    }

    @Test
    void throttlingLeavesPartialProgressThatALaterCallCompletesWithoutDuplicates() {
        ecs.then(0).then(throttling());

        LaunchProgress throttled = backend.launchWorkers(request(25));
        int listsBefore = ecs.listTaskCalls;
        LaunchProgress tooSoon = backend.launchWorkers(request(25));
        assertThat(ecs.runTaskCalls).hasSize(2);
        assertThat(ecs.listTaskCalls).as("backing off: no ECS call at all").isEqualTo(listsBefore);
        later();
        LaunchProgress completed = backend.launchWorkers(request(25));

        assertThat(throttled).isEqualTo(new LaunchProgress(25, 10, List.of("RunTask: ThrottlingException: Rate exceeded")));
        assertThat(throttled.complete()).isFalse();
        assertThat(tooSoon).isEqualTo(throttled);
        assertThat(completed).isEqualTo(LaunchProgress.complete(25));
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 10, 10, 5);
        assertThat(ecs.runTaskCalls.get(2).clientToken()).as("ECS did not process the throttled call: same request, same token")
                .isEqualTo(ecs.runTaskCalls.get(1).clientToken());
        assertThat(ecs.tasks).hasSize(25);
        assertThat(ecs.stopTaskCalls).isEmpty();
    }

    @Test
    void runTaskFailuresAreReportedAndRetriedOnTheNextCallWithANewClientToken() {
        ecs.then(3);

        LaunchProgress partial = backend.launchWorkers(request(10));
        later();
        LaunchProgress completed = backend.launchWorkers(request(10));

        assertThat(partial).isEqualTo(new LaunchProgress(10, 7, List.of("RunTask: 3 of 10 tasks not started: RESOURCE:MEMORY")));
        assertThat(completed).isEqualTo(LaunchProgress.complete(10));
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 3);
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::clientToken).doesNotHaveDuplicates();
        assertThat(ecs.tasks).hasSize(10);
    }

    @Test
    void aBatchThatFailedEntirelyIsRetriedWithANewTokenSoEcsDoesNotReplayTheFailure() {
        ecs.then(10).then(10).then(0);

        List<LaunchProgress> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(backend.launchWorkers(request(10)));
            later();
        }

        assertThat(calls).extracting(LaunchProgress::launched).containsExactly(0, 0, 10);
        assertThat(calls.get(1).problems()).containsExactly("RunTask: 10 of 10 tasks not started: RESOURCE:MEMORY");
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 10, 10);
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::clientToken).doesNotHaveDuplicates();
        assertThat(ecs.tasks).hasSize(10);
    }

    @Test
    void afterARestartAReplayedFailureCostsOneCallAndTheNextAsksAnew() {
        ecs.then(10);
        backend.launchWorkers(request(10));
        EcsWorkerBackend restarted = backend(EcsBackendSettings.defaults().withBackoff(BACKOFF_BASE, BACKOFF_MAX).withClock(time));

        LaunchProgress replayed = restarted.launchWorkers(request(10));
        later();
        LaunchProgress launched = restarted.launchWorkers(request(10));

        assertThat(replayed.problems()).containsExactly("RunTask: 10 of 10 tasks not started: RESOURCE:MEMORY");
        assertThat(launched).isEqualTo(LaunchProgress.complete(10));
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::clientToken).hasSize(3).first()
                .isEqualTo(ecs.runTaskCalls.get(1).clientToken()).isNotEqualTo(ecs.runTaskCalls.get(2).clientToken());
        assertThat(ecs.tasks).hasSize(10);
    }

    @Test
    void aBatchWithoutAnAnswerIsSentAgainWithItsTokenSoNothingRunsTwice() {
        ecs.then(ServerException.builder().statusCode(500).message("internal").build()).then(FakeEcsApi.LOST_RESPONSE);

        LaunchProgress serverError = backend.launchWorkers(request(10));
        later();
        LaunchProgress lost = backend.launchWorkers(request(10));
        later();
        LaunchProgress found = backend.launchWorkers(request(10));

        assertThat(serverError.problems()).containsExactly("RunTask: ServerException: internal");
        assertThat(lost.launched()).isZero();
        assertThat(lost.problems()).singleElement().asString().startsWith("RunTask: no answer from ECS").contains("read timed out");
        assertThat(found).isEqualTo(LaunchProgress.complete(10));
        assertThat(ecs.runTaskCalls).hasSize(2);
        assertThat(ecs.runTaskCalls.get(1).clientToken()).isEqualTo(ecs.runTaskCalls.get(0).clientToken());
        assertThat(ecs.tasks).hasSize(10);
    }

    @Test
    void backsOffLongerWithEverySetbackInARowButNeverLongerThanTheMaximum() {
        for (int i = 0; i < 7; i++) {
            ecs.then(throttling());
        }

        List<Duration> runTaskTimes = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        for (int second = 0; second < 120 && !backend.launchWorkers(request(5)).complete(); second++) {
            if (ecs.runTaskCalls.size() > runTaskTimes.size()) {
                runTaskTimes.add(elapsed);
            }
            time.advance(Duration.ofSeconds(1));
            elapsed = elapsed.plusSeconds(1);
        }
        runTaskTimes.add(elapsed);

        // the k-th setback pauses between half and all of min(1 s * 2^(k-1), 10 s); the operator calls every second
        long[] capSeconds = {1, 2, 4, 8, 10, 10, 10};
        assertThat(ecs.runTaskCalls).hasSize(8);
        for (int k = 0; k < capSeconds.length; k++) {
            long gap = runTaskTimes.get(k + 1).minus(runTaskTimes.get(k)).toSeconds();
            assertThat(gap).as("pause after setback " + (k + 1)).isBetween(Math.max(1, capSeconds[k] / 2), capSeconds[k]);
        }
        assertThat(ecs.tasks).hasSize(5);
    }

    @Test
    void oneCallMakesAtMostTheConfiguredRunTaskCallsAndTheNextGoesOnAtOnce() {
        EcsWorkerBackend capped = backend(EcsBackendSettings.defaults().withMaxRunTaskCalls(2).withClock(time));

        LaunchProgress first = capped.launchWorkers(request(25));
        LaunchProgress second = capped.launchWorkers(request(25));

        assertThat(first).isEqualTo(new LaunchProgress(25, 20, List.of()));
        assertThat(second).isEqualTo(LaunchProgress.complete(25));
        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 10, 5);
    }

    @Test
    void aConfigurationErrorFailsAtOnceAndStopsWhatTheRunHasInTheRegion() {
        ecs.then(0).then(InvalidParameterException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterException").errorMessage("subnet-2 does not exist").build())
                .build());

        assertThatThrownBy(() -> backend.launchWorkers(request(25)))
                .isInstanceOf(EcsLaunchException.class)
                .hasMessageContaining("TestRegion us-west (us-west-2, cluster dlt)")
                .hasMessageContaining("InvalidParameterException: subnet-2 does not exist")
                .hasMessageContaining("its 10 running tasks there were stopped")
                .satisfies(e -> assertThat(((EcsLaunchException) e).region()).isEqualTo("us-west"));
        assertThat(ecs.runTaskCalls).hasSize(2);
        assertThat(ecs.stopTaskCalls).extracting(StopTaskRequest::task).containsExactlyInAnyOrderElementsOf(ecs.tasks.keySet());
    }

    @Test
    void accessDeniedOnListingFailsTheLaunchWhileThrottledListingIsProgressToRetry() {
        ecs.listTaskErrors.add(throttling());
        LaunchProgress throttled = backend.launchWorkers(request(3));
        later();
        ecs.listTaskErrors.add(EcsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").errorMessage("not authorized to perform ecs:ListTasks").build()).build());

        assertThat(throttled).isEqualTo(new LaunchProgress(3, 0, List.of("ListTasks/DescribeTasks: ThrottlingException: Rate exceeded")));
        assertThatThrownBy(() -> backend.launchWorkers(request(3)))
                .isInstanceOf(EcsLaunchException.class)
                .hasMessageContaining("us-west (us-west-2, cluster dlt)")
                .hasMessageContaining("AccessDeniedException: not authorized to perform ecs:ListTasks");
        assertThat(ecs.runTaskCalls).isEmpty();
    }

    @Test
    void aTestsTaskSizeReachesEveryRunTaskCallOfWorkersAndLeader() {
        LaunchRequest plain = request(12);
        LaunchRequest sized = new LaunchRequest(plain.run(), plain.region(), plain.workerIds(), plain.env(), SECRET, null, REGION,
                new WorkerSettings("0.5", "4Gi", null, null, null, null, null));

        backend.launchWorkers(sized);
        backend.launchLeader(sized, List.of("10.0.0.1:50000"));

        assertThat(ecs.runTaskCalls).extracting(RunTaskRequest::count).containsExactly(10, 2, 1);
        assertThat(ecs.runTaskCalls).allSatisfy(call -> {
            assertThat(call.overrides().cpu()).isEqualTo("512");
            assertThat(call.overrides().memory()).isEqualTo("4096");
            assertThat(call.overrides().containerOverrides().getFirst().name()).isEqualTo("agent");
        });
    }

    @Test
    void withoutATestsTaskSizeTheTaskDefinitionsSizeApplies() {
        backend.launchWorkers(request(1));

        assertThat(ecs.runTaskCalls).singleElement().satisfies(call -> {
            assertThat(call.overrides().cpu()).isNull();
            assertThat(call.overrides().memory()).isNull();
        });
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
    void aThrottledLeaderIsReportedAndLaunchedByALaterCall() {
        ecs.then(throttling());

        LaunchProgress throttled = backend.launchLeader(request(2), List.of("10.0.0.2:50000", "10.0.0.3:50000"));
        later();
        LaunchProgress launched = backend.launchLeader(request(2), List.of("10.0.0.2:50000", "10.0.0.3:50000"));

        assertThat(throttled).isEqualTo(new LaunchProgress(1, 0, List.of("RunTask: ThrottlingException: Rate exceeded")));
        assertThat(launched).isEqualTo(LaunchProgress.complete(1));
        assertThat(ecs.tasks.values()).singleElement().satisfies(t -> assertThat(TaskIdentity.role(t.tags())).isEqualTo(WorkerRole.LEADER));
    }

    @Test
    void anUnreadableTaskDefinitionCostsOneDescribeCallPerObservation() {
        backend.launchWorkers(request(3));

        List<WorkerInstance> workers = backend.observe(RUN, request(3));

        assertThat(workers).hasSize(3);
        assertThat(ecs.describeTaskDefinitionCalls).isEqualTo(1);
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
    void throttledStopTaskEndsTheCallAndTheNextStopStopsTheRest() {
        backend.launchWorkers(request(13));
        ecs.stopTaskErrors.add(throttling());

        assertThatThrownBy(() -> backend.stop(RUN, request(13)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not stop 13 of 13 tasks")
                .hasMessageContaining("ThrottlingException");
        assertThat(ecs.stopTaskCalls).hasSize(1);
        backend.stop(RUN, request(13));

        assertThat(ecs.stopTaskCalls).hasSize(14);
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
