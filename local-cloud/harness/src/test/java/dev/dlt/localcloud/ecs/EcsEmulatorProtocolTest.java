package dev.dlt.localcloud.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerSettings;
import dev.dlt.ecs.EcsBackendSettings;
import dev.dlt.ecs.EcsLaunchException;
import dev.dlt.ecs.EcsWorkerBackend;
import dev.dlt.ecs.client.EcsClients;
import dev.dlt.ecs.region.TestRegionCheck;
import dev.dlt.ecs.region.TestRegionChecker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/** The real SDK client against the emulator: shapes, limits and errors as the SDK sees them. Agents here exit at once. */
class EcsEmulatorProtocolTest {

    static final String REGION = "eu-west-1";

    EcsEmulator emulator;
    EcsClient ecs;

    @BeforeEach
    void start() throws Exception {
        emulator = EcsEmulator.start();
        emulator.registerCluster(REGION, "dlt");
        emulator.registerTaskDefinition(REGION, TaskDefinitionSpec.fargate("dlt-worker", "agent", Map.of("FROM_DEFINITION", "yes")));
        ecs = client(emulator, REGION, DefaultRetryStrategy.doNotRetry());
    }

    @AfterEach
    void stop() {
        ecs.close();
        emulator.close();
    }

    static EcsClient client(EcsEmulator emulator, String region, RetryStrategy retries) {
        return EcsClient.builder().endpointOverride(emulator.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retries))
                .build();
    }

    static RunTaskRequest.Builder runTask(int count) {
        return RunTaskRequest.builder().cluster("dlt").taskDefinition("dlt-worker").launchType(LaunchType.FARGATE).count(count)
                .startedBy("dlt-test").networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")
                        .assignPublicIp(AssignPublicIp.DISABLED)));
    }

    @Test
    void runTaskLaunchesTenTasksAndRejectsElevenAsEcsDoes() {
        RunTaskResponse ten = ecs.runTask(runTask(10).build());
        InvalidParameterException eleven = catchThrowableOfType(InvalidParameterException.class, () -> ecs.runTask(runTask(11).build()));

        assertThat(ten.tasks()).hasSize(10).allSatisfy(t -> {
            assertThat(t.taskArn()).matches("arn:aws:ecs:eu-west-1:\\d{12}:task/dlt/[0-9a-f]{32}");
            assertThat(t.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(t.startedBy()).isEqualTo("dlt-test");
        });
        assertThat(ten.tasks()).extracting(EcsEmulatorProtocolTest::ip).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("127.0."));
        assertThat(eleven).hasMessageContaining("Count must be between 1 and 10");
        assertThat(eleven.statusCode()).isEqualTo(400);
        assertThat(emulator.runTaskCalls()).isEqualTo(2);
        assertThat(emulator.tasksLaunched()).isEqualTo(10);
    }

    @Test
    void aTestsTaskSizeReachesEcsAsOverridesAndAnInvalidPairIsRefused() {
        try (EcsClients clients = sdkClients()) {
            EcsWorkerBackend backend = new EcsWorkerBackend(clients, (bucket, key, json) -> { }, EcsBackendSettings.defaults());
            LaunchRequest plain = request(settings("dlt", "dlt-worker"), 2);
            LaunchRequest sized = new LaunchRequest(plain.run(), plain.region(), plain.workerIds(), plain.env(), plain.runSecret(), null,
                    plain.testRegion(), new WorkerSettings("0.5", "4Gi", null, null, null, null, null));

            assertThat(backend.launchWorkers(sized)).isEqualTo(new LaunchProgress(2, 2, List.of()));
        }
        List<String> arns = new java.util.ArrayList<>();
        for (DesiredStatus status : List.of(DesiredStatus.RUNNING, DesiredStatus.STOPPED)) {
            arns.addAll(ecs.listTasks(l -> l.cluster("dlt").desiredStatus(status)).taskArns());
        }
        assertThat(ecs.describeTasks(d -> d.cluster("dlt").tasks(arns)).tasks()).hasSize(2).allSatisfy(task -> {
            assertThat(task.overrides().cpu()).isEqualTo("512");
            assertThat(task.overrides().memory()).isEqualTo("4096");
        });
        ClientException refused = catchThrowableOfType(ClientException.class,
                () -> ecs.runTask(runTask(1).overrides(o -> o.cpu("512").memory("9216")).build()));
        assertThat(refused).hasMessageContaining("No Fargate configuration exists for given values: 512 CPU, 9216 memory");
        assertThat(emulator.tasksLaunched()).isEqualTo(2);
    }

    @Test
    void throttlingReachesTheSdkAsAThrottlingException() {
        emulator.faults().throttleEveryRunTask(1);

        EcsException throttled = catchThrowableOfType(EcsException.class, () -> ecs.runTask(runTask(1).build()));

        assertThat(throttled.isThrottlingException()).isTrue();
        assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(emulator.tasksLaunched()).isZero();
    }

    @Test
    void injectedFailuresComeBackInTheFailuresList() {
        emulator.faults().failTasksOfNextRunTasks(3, 1);

        RunTaskResponse first = ecs.runTask(runTask(10).build());
        RunTaskResponse second = ecs.runTask(runTask(10).build());

        assertThat(first.tasks()).hasSize(7);
        assertThat(first.failures()).hasSize(3).allSatisfy(f -> assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY"));
        assertThat(second.tasks()).hasSize(10);
        assertThat(emulator.tasksLaunchedPerCall()).containsExactly(7, 10);
    }

    @Test
    void aRepeatedClientTokenReturnsTheSameTasksInsteadOfRunningThemAgain() {
        RunTaskResponse first = ecs.runTask(runTask(4).clientToken("token-1").build());
        RunTaskResponse again = ecs.runTask(runTask(4).clientToken("token-1").build());

        assertThat(again.tasks()).extracting(Task::taskArn).containsExactlyElementsOf(first.tasks().stream().map(Task::taskArn).toList());
        assertThat(emulator.tasksLaunched()).isEqualTo(4);
    }

    @Test
    void refusesWhatRealEcsRefuses() {
        assertThat(catchThrowableOfType(ClusterNotFoundException.class, () -> ecs.runTask(runTask(1).cluster("other").build())))
                .hasMessageContaining("Cluster not found");
        assertThat(catchThrowableOfType(ClientException.class, () -> ecs.runTask(runTask(1).taskDefinition("nope:1").build())))
                .hasMessageContaining("TaskDefinition not found");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> ecs.runTask(runTask(1).launchType(LaunchType.EC2).build())))
                .hasMessageContaining("FARGATE");
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> ecs.runTask(runTask(1).networkConfiguration((NetworkConfiguration) null).build())))
                .hasMessageContaining("Network Configuration must be provided");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> ecs.runTask(runTask(1).startedBy("x".repeat(37)).build())))
                .hasMessageContaining("startedBy");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> ecs.runTask(runTask(1)
                .overrides(o -> o.containerOverrides(c -> c.name("agent").environment(e -> e.name("BIG").value("x".repeat(8200)))))
                .build()))).hasMessageContaining("8192");
        assertThat(emulator.tasksLaunched()).isZero();
    }

    @Test
    void regionsAreKeptApartByTheSignature() {
        try (EcsClient elsewhere = client(emulator, "ap-south-1", DefaultRetryStrategy.doNotRetry())) {
            assertThat(catchThrowableOfType(ClusterNotFoundException.class, () -> elsewhere.runTask(runTask(1).build()))).isNotNull();
        }
        assertThat(emulator.runTaskCalls("ap-south-1")).isEqualTo(1);
        assertThat(emulator.runTaskCalls(REGION)).isZero();
    }

    @Test
    void eachTaskGetsTheDefinitionEnvOverridesItsAddressAndAMetadataEndpoint() throws Exception {
        Task task = ecs.runTask(runTask(1).overrides(o -> o.containerOverrides(c -> c.name("agent")
                .environment(e -> e.name("FROM_OVERRIDE").value("also")))).build()).tasks().getFirst();

        Map<String, String> env = emulator.environment(task.taskArn());
        assertThat(env).containsEntry("FROM_DEFINITION", "yes").containsEntry("FROM_OVERRIDE", "also")
                .containsEntry("DLT_BIND_ADDRESS", ip(task)).containsEntry("AWS_REGION", REGION);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create(env.get("ECS_CONTAINER_METADATA_URI_V4") + "/task"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.body()).contains("\"TaskARN\":\"" + task.taskArn() + "\"");
        }
    }

    @Test
    void theTestRegionCheckerSeesWhatIsRegistered() {
        emulator.registerTaskDefinition(REGION, TaskDefinitionSpec.fargate("ec2-only", "agent", Map.of())
                .withCompatibilities(List.of("EC2"), "bridge"));
        try (EcsClients clients = EcsClients.sdk(Optional.of(emulator.endpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))) {
            TestRegionChecker checker = new TestRegionChecker(clients);

            TestRegionCheck ready = checker.check(settings("dlt", "dlt-worker:1"));
            TestRegionCheck noCluster = checker.check(settings("gone", "dlt-worker:1"));
            TestRegionCheck noDefinition = checker.check(settings("dlt", "dlt-worker:7"));
            TestRegionCheck ec2 = checker.check(settings("dlt", "ec2-only"));

            assertThat(ready.ready()).as(ready.message()).isTrue();
            assertThat(noCluster.reason()).isEqualTo("ClusterNotFound");
            assertThat(noDefinition.reason()).isEqualTo("TaskDefinitionNotFound");
            assertThat(ec2.message()).contains("does not require FARGATE", "network mode bridge");
        }
    }

    @Test
    void theBackendFailsALaunchIntoAMissingClusterWithAClearMessage() {
        try (EcsClients clients = sdkClients()) {
            EcsWorkerBackend backend = new EcsWorkerBackend(clients, (bucket, key, json) -> { }, EcsBackendSettings.defaults());
            LaunchRequest request = request(settings("gone", "dlt-worker"), 1);

            assertThat(catchThrowableOfType(EcsLaunchException.class, () -> backend.launchWorkers(request)))
                    .hasMessageContaining("cluster gone").hasMessageContaining("Cluster not found");
        }
        assertThat(emulator.runTaskCalls()).isZero();
    }

    @Test
    void theBackendFailsALaunchOfAMissingTaskDefinitionAtOnceAndStopsNothingThatDoesNotExist() {
        try (EcsClients clients = sdkClients()) {
            EcsWorkerBackend backend = new EcsWorkerBackend(clients, (bucket, key, json) -> { }, EcsBackendSettings.defaults());
            LaunchRequest request = request(settings("dlt", "dlt-worker:7"), 3);

            assertThat(catchThrowableOfType(EcsLaunchException.class, () -> backend.launchWorkers(request)))
                    .hasMessageContaining("TestRegion eu (eu-west-1, cluster dlt)").hasMessageContaining("TaskDefinition not found")
                    .hasMessageContaining("nothing was running");
        }
        assertThat(emulator.runTaskCalls()).isEqualTo(1);
        assertThat(emulator.tasksLaunched()).isZero();
    }

    @Test
    void theBackendsSdkClientDoesNotRetryThrottlingItself() {
        emulator.faults().throttleEveryRunTask(1);
        try (EcsClients clients = sdkClients()) {
            EcsWorkerBackend backend = new EcsWorkerBackend(clients, (bucket, key, json) -> { }, EcsBackendSettings.defaults());

            LaunchProgress progress = backend.launchWorkers(request(settings("dlt", "dlt-worker"), 3));

            assertThat(progress).isEqualTo(new LaunchProgress(3, 0, List.of("RunTask: ThrottlingException: Rate exceeded")));
        }
        assertThat(emulator.runTaskCalls()).as("one attempt, no SDK retries").isEqualTo(1);
        assertThat(emulator.tasksLaunched()).isZero();
    }

    EcsClients sdkClients() {
        return EcsClients.sdk(Optional.of(emulator.endpoint()), StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")));
    }

    static LaunchRequest request(TestRegionSettings region, int workers) {
        return new LaunchRequest(new RunRef("ns", "t", "uid", "r1"), "eu", IntStream.range(0, workers).mapToObj(i -> "w" + i).toList(),
                Map.of(), new byte[16], null, region);
    }

    static TestRegionSettings settings(String cluster, String taskDefinition) {
        return new TestRegionSettings("eu", REGION, cluster, taskDefinition, "agent", List.of("subnet-1"), List.of(), false, "b", null);
    }

    static String ip(Task task) {
        return task.attachments().getFirst().details().stream().filter(d -> d.name().equals("privateIPv4Address")).findFirst()
                .orElseThrow().value();
    }
}
