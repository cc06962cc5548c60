package dev.dlt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent as the container runs it: {@code java dev.dlt.agent.AgentMain} in a JVM of its own. */
class AgentProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String BUCKET = "results-bucket";
    private static final ResultKeys KEYS = new ResultKeys("t", "r", "local");

    @TempDir
    Path tmp;
    private S3StandIn s3;
    private Process process;

    @BeforeEach
    void startS3() throws IOException {
        s3 = new S3StandIn();
        TaurusConfig scenario = new TaurusConfig(1, "0s", "1s", "2s",
                List.of(new TaurusConfig.Request("home", "http://127.0.0.1:9/", "GET", Map.of(), null)));
        s3.put(BUCKET, KEYS.scenario(), scenario.toJson());
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        s3.close();
    }

    @Test
    void aWorkerWithoutStartSignalExitsAsSoonAsItHasReported() throws Exception {
        process = agent(Map.of(AgentConfig.START_DEADLINE, "1"), freePort());

        // the old agent took 30 s more here (31 s at least): its shutdown hook waited for the main thread that was
        // calling System.exit; 25 s leaves a loaded CI machine room for the JVM's start and the upload
        assertThat(process.waitFor(25, TimeUnit.SECONDS)).as("exited; log:%n%s", log()).isTrue();
        assertThat(process.exitValue()).isEqualTo(WorkerAgent.EXIT_NO_START_SIGNAL);
        assertThat(report().outcome()).isEqualTo(WorkerReport.NO_START_SIGNAL);
    }

    @Test
    void sigtermMakesAWaitingWorkerUploadAStoppedReportAndExit() throws Exception {
        int port = freePort();
        process = agent(Map.of(AgentConfig.START_DEADLINE, "600"), port);
        await().atMost(Duration.ofSeconds(60)).until(() -> listening(port) || !process.isAlive());
        assertThat(process.isAlive()).as("waiting for the leader; log:%n%s", log()).isTrue();

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited; log:%n%s", log()).isTrue();
        assertThat(process.exitValue()).isEqualTo(128 + 15); // the JVM's status after SIGTERM
        WorkerReport report = report();
        assertThat(report.outcome()).isEqualTo(WorkerReport.STOPPED);
        assertThat(report.message()).contains("stopped before the start signal");
        assertThat(report.samples()).isZero();
    }

    private WorkerReport report() throws IOException {
        byte[] json = s3.get(BUCKET, KEYS.workerFile("w1", ResultKeys.REPORT))
                .orElseThrow(() -> new AssertionError("no report uploaded; log:\n" + log()));
        return JSON.readValue(json, WorkerReport.class);
    }

    private Process agent(Map<String, String> extra, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AgentMain.class.getName());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put(AgentConfig.TEST_ID, KEYS.testId());
        env.put(AgentConfig.RUN_ID, KEYS.runId());
        env.put(AgentConfig.REGION, KEYS.region());
        env.put(AgentConfig.WORKER_ID, "w1");
        env.put(AgentConfig.BUCKET, BUCKET);
        env.put(AgentConfig.S3_ENDPOINT, s3.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put(AgentConfig.AWS_REGION, "us-east-1");
        env.put(AgentConfig.RUN_SECRET, Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        env.put(AgentConfig.BIND_ADDRESS, "127.0.0.1");
        env.put(AgentConfig.START_PORT, Integer.toString(port));
        env.put(AgentConfig.ENGINE, "native");
        env.put(AgentConfig.UPLOAD_DEADLINE, "20");
        env.putAll(extra);
        builder.redirectErrorStream(true).redirectOutput(tmp.resolve("agent.log").toFile());
        return builder.start();
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("agent.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
