package dev.dlt.localcloud.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import dev.dlt.ecs.EcsBackendSettings;
import dev.dlt.ecs.EcsWorkerBackend;
import dev.dlt.ecs.address.S3AddressPublisher;
import dev.dlt.ecs.client.EcsClients;
import dev.dlt.localcloud.aws.S3ProxyServer;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The ECS backend against the emulator, with real worker agents reading their scenario from S3Proxy. */
class EcsWorkersOnEmulatorTest {

    static final String AWS_REGION = "eu-central-1";
    static final String BUCKET = "dlt-eu";
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final StaticCredentialsProvider ECS_CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @TempDir
    static Path workDir;
    static S3ProxyServer s3proxy;
    static S3Client s3;
    static TargetServer target;

    EcsEmulator emulator;
    EcsClients clients;
    EcsWorkerBackend backend;
    RunRef run;
    TestRegionSettings region;

    @BeforeAll
    static void startS3AndTarget() throws IOException {
        s3proxy = S3ProxyServer.start(workDir);
        s3 = S3Client.builder().endpointOverride(s3proxy.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                        S3ProxyServer.SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder()).build();
        s3.createBucket(b -> b.bucket(BUCKET));
        target = TargetServer.start(TargetConfig.DEFAULT);
    }

    @AfterAll
    static void stopS3AndTarget() {
        target.close();
        s3.close();
        s3proxy.close();
    }

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = EcsEmulator.start();
        emulator.registerCluster(AWS_REGION, "dlt");
        // what a real task definition carries for the local cloud: where S3 is and how to sign for it
        emulator.registerTaskDefinition(AWS_REGION, TaskDefinitionSpec.fargate("dlt-worker", "agent", Map.of(
                "DLT_S3_ENDPOINT", s3proxy.endpoint().toString(), "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY)).withHealthCheck());
        clients = EcsClients.sdk(Optional.of(emulator.endpoint()), ECS_CREDENTIALS);
        backend = new EcsWorkerBackend(clients, new S3AddressPublisher(s3), EcsBackendSettings.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        run = new RunRef("team", "checkout", "uid", "run-" + UUID.randomUUID().toString().substring(0, 8));
        region = new TestRegionSettings("eu", AWS_REGION, "dlt", "dlt-worker", "agent", List.of("subnet-a"), List.of("sg-a"), false,
                BUCKET, null);
        TaurusConfig scenario = new TaurusConfig(1, "0s", "1s", "5s",
                List.of(new TaurusConfig.Request("home", target.baseUri().resolve("/home").toString(), "GET", Map.of(), null)));
        s3.putObject(b -> b.bucket(BUCKET).key(keys().scenario()), RequestBody.fromBytes(scenario.toJson()));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
        clients.close();
    }

    ResultKeys keys() {
        return new ResultKeys(run.testId(), run.runId(), "eu");
    }

    LaunchRequest request(int workers) {
        Map<String, String> env = new HashMap<>(Map.of("DLT_TEST_ID", run.testId(), "DLT_RUN_ID", run.runId(), "DLT_REGION", "eu",
                "DLT_S3_BUCKET", BUCKET, "AWS_REGION", AWS_REGION, "DLT_START_DEADLINE_SECONDS", "120",
                "DLT_REACH_DEADLINE_SECONDS", "30"));
        return new LaunchRequest(run, "eu", IntStream.range(0, workers).mapToObj(i -> "w" + i).toList(), env,
                "a-secret-of-at-least-16-bytes".getBytes(), null, region);
    }

    /** What the operator does: call launch again (here every 100 ms) until everything exists; returns every call's progress. */
    List<LaunchProgress> launchUntilComplete(Supplier<LaunchProgress> launch) {
        List<LaunchProgress> calls = new ArrayList<>();
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            LaunchProgress progress = launch.get();
            calls.add(progress);
            return progress.complete();
        });
        return calls;
    }

    List<WorkerInstance> workers() {
        return backend.observe(run, request(0)).stream().filter(w -> w.role() == WorkerRole.WORKER).toList();
    }

    @Test
    void launches25WorkersWithThreeRunTaskCallsAndEachListensOnItsOwnAddress() {
        LaunchProgress progress = backend.launchWorkers(request(25));

        assertThat(progress).isEqualTo(LaunchProgress.complete(25));
        assertThat(emulator.runTaskCalls(AWS_REGION)).isEqualTo(3);
        assertThat(emulator.tasksLaunchedPerCall()).containsExactly(10, 10, 5);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(workers()).hasSize(25).allSatisfy(w -> assertThat(w.state()).isEqualTo(WorkerState.READY)));
        List<String> addresses = workers().stream().map(WorkerInstance::address).toList();
        assertThat(addresses).doesNotHaveDuplicates().allSatisfy(address -> assertThat(accepts(address)).as(address).isTrue());

        assertThat(backend.launchWorkers(request(25))).isEqualTo(LaunchProgress.complete(25));
        assertThat(emulator.runTaskCalls(AWS_REGION)).isEqualTo(3);
        assertThat(emulator.tasksLaunched()).isEqualTo(25);
    }

    @Test
    void throttlingOnAThirdOfTheCallsAndFailedTasksStillLaunchEveryWorkerOnce() {
        emulator.faults().throttleEveryRunTask(3).failTasksOfNextRunTasks(3, 2);

        List<LaunchProgress> calls = launchUntilComplete(() -> backend.launchWorkers(request(25)));

        assertThat(calls.getFirst()).as("the first call does not wait").isEqualTo(new LaunchProgress(25, 7,
                List.of("RunTask: 3 of 10 tasks not started: RESOURCE:MEMORY")));
        assertThat(calls).flatExtracting(LaunchProgress::problems).contains("RunTask: ThrottlingException: Rate exceeded");
        assertThat(calls).extracting(LaunchProgress::launched).isSorted();
        assertThat(emulator.faults().throttledCalls()).isPositive();
        assertThat(emulator.faults().failedTasks()).isEqualTo(6);
        assertThat(emulator.tasksLaunched()).isEqualTo(25);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(workers()).hasSize(25).allSatisfy(w -> assertThat(w.state()).isEqualTo(WorkerState.READY)));
    }

    @Test
    void stoppingMidRunLeavesNoTaskRunning() {
        assertThat(backend.launchWorkers(request(12))).isEqualTo(LaunchProgress.complete(12));
        await().atMost(PATIENCE).until(() -> workers().stream().filter(w -> w.state() == WorkerState.READY).count() >= 6);

        backend.stop(run, request(12));
        backend.stop(run, request(12));

        await().atMost(PATIENCE).until(() -> emulator.runningTasks() == 0);
        assertThat(workers()).hasSize(12).allSatisfy(w -> {
            assertThat(w.state()).isEqualTo(WorkerState.FAILED);
            assertThat(w.message()).contains("DLT run " + run.runId() + " stopped");
        });
    }

    @Test
    void theLeaderStartsEveryWorkerOfTheRegionFromTheAddressListInS3() throws Exception {
        emulator.faults().throttleEveryRunTask(2);
        launchUntilComplete(() -> backend.launchWorkers(request(5)));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(workers()).hasSize(5).allSatisfy(w -> assertThat(w.state()).isEqualTo(WorkerState.READY)));
        List<String> addresses = workers().stream().map(WorkerInstance::address).toList();

        List<LaunchProgress> leaderCalls = launchUntilComplete(() -> backend.launchLeader(request(5), addresses));

        await().atMost(PATIENCE).until(() -> emulator.runningTasks() == 0);
        LeaderReport report = new ObjectMapper().readValue(
                s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(keys().leaderReport())).asByteArray(), LeaderReport.class);
        assertThat(leaderCalls.getFirst()).isEqualTo(new LaunchProgress(1, 0, List.of("RunTask: ThrottlingException: Rate exceeded")));
        assertThat(emulator.tasksLaunched()).isEqualTo(6);
        assertThat(report.outcome()).as(report.message()).isEqualTo(LeaderReport.STARTED);
        assertThat(report.workers()).extracting(LeaderReport.Ack::address).containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(backend.observe(run, request(5))).hasSize(6)
                .allSatisfy(w -> assertThat(w.state()).as(w.workerId() + ": " + w.message()).isEqualTo(WorkerState.SUCCEEDED));
        assertThat(target.counters().requests()).isPositive();
        String published = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(keys().workerAddresses())).asUtf8String();
        assertThat(new ObjectMapper().readValue(published, String[].class)).containsExactlyElementsOf(addresses);
    }

    static boolean accepts(String address) {
        int colon = address.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
