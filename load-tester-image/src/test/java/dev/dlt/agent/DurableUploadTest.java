package dev.dlt.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dlt.agent.gate.LeaderSettings;
import dev.dlt.agent.gate.StartGate;
import dev.dlt.agent.gate.StartLeader;
import dev.dlt.agent.gate.WorkerAddress;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.histogram.HistogramSidecarReader;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.layout.LeaderReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.layout.WorkerReportFile;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker and a leader whose bucket fails when they upload: every result file ends up stored exactly
 * once with the bytes recorded, the report last, or, if the bucket never comes back, stays on disk.
 */
class DurableUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ResultKeys KEYS = new ResultKeys("t", "r", "local");
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String XML = KEYS.workerFile("w1", ResultKeys.XML);
    private static final String HISTOGRAMS = KEYS.workerFile("w1", ResultKeys.HISTOGRAMS);
    private static final String REPORT = KEYS.workerFile("w1", ResultKeys.REPORT);

    private final UploadRetry quickRetry = new UploadRetry(
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), () -> ThreadLocalRandom.current().nextDouble()),
            Clock.systemUTC(), Thread::sleep);
    private HttpServer target;
    private WorkerAgent worker;

    @BeforeEach
    void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        target.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 2);
                exchange.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        target.start();
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
        if (worker != null && Files.exists(worker.workDir())) {
            new WorkDir(worker.workDir()).delete();
        }
    }

    @Test
    void everyResultIsStoredOnceWhenTheFirstPutsFail() throws Exception {
        FlakyStore store = scenario(new FlakyStore().failFirst(5));

        int exit = runWorker(store, Map.of());

        assertThat(exit).isZero();
        assertStoredOnceReportLast(store);
        assertThat(store.failedPuts()).isEqualTo(5);
        assertThat(worker.workDir()).doesNotExist();
    }

    @Test
    void everyResultIsStoredOnceWhenTheBucketIsDownForAWhile() throws Exception {
        FlakyStore store = scenario(new FlakyStore().failFor(1_500));

        int exit = runWorker(store, Map.of());

        assertThat(exit).isZero();
        assertStoredOnceReportLast(store);
        assertThat(store.failedPuts()).isPositive();
        assertThat(worker.workDir()).doesNotExist();
    }

    @Test
    void aBucketThatNeverComesBackLeavesEveryResultOnDiskAndTheWorkerExitsNonZero() throws Exception {
        FlakyStore store = scenario(new FlakyStore().down());

        int exit = runWorker(store, Map.of(AgentConfig.UPLOAD_DEADLINE, "2"));

        assertThat(exit).isEqualTo(WorkerAgent.EXIT_NOT_STORED);
        assertThat(store.stored()).isEmpty();
        // the report must not be tried before the results it vouches for are stored
        assertThat(results(store.puts())).isNotEmpty().allSatisfy(put -> assertThat(put.key()).isEqualTo(XML));
        // the live record was tried, best effort: it is not kept in the work dir for a retry (see the files below)
        assertThat(store.puts()).filteredOn(put -> put.key().endsWith(ResultKeys.LIVE)).isNotEmpty();
        Path results = worker.workDir().resolve("results");
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("1-w1.xml", "2-w1.hdr.json", "3-w1.json");
        }
        assertThat(Files.readAllBytes(results.resolve("1-w1.xml"))).isEqualTo(results(store.puts()).getFirst().content());
        WorkerReport report = JSON.readValue(Files.readAllBytes(results.resolve("3-w1.json")), WorkerReport.class);
        assertThat(report.outcome()).isEqualTo(WorkerReport.COMPLETED);
        assertThat(report.samples()).isPositive();
        // the report carries the same histograms as the .hdr.json next to it, so that the operator can skip that file
        try (HistogramDecoder decoder = new HistogramDecoder()) {
            WorkerReportFile.Contents file = WorkerReportFile.read(Files.newInputStream(results.resolve("3-w1.json")), decoder);
            Map<String, SparseHistogram> sidecar = new HistogramSidecarReader(decoder).read(Files.newInputStream(results.resolve("2-w1.hdr.json")));
            assertThat(file.report()).isEqualTo(report);
            assertThat(file.hasHistograms()).isTrue();
            assertThat(file.histograms()).isNotEmpty().containsOnlyKeys(sidecar.keySet());
            sidecar.forEach((label, h) -> assertThat(file.histograms().get(label).toHistogram()).as(label).isEqualTo(h.toHistogram()));
            assertThat(file.histograms().values().stream().mapToLong(SparseHistogram::totalCount).max().orElseThrow()).isEqualTo(report.samples());
        }
    }

    @Test
    void theLeaderStoresItsReportOnceTheBucketRecovers() throws Exception {
        FlakyStore store = new FlakyStore().failFirst(3);
        try (Gate gate = new Gate()) {
            int exit = new LeaderAgent(leaderConfig(gate.address, Map.of()), c -> store, quickRetry).run();

            assertThat(exit).isZero();
            assertThat(store.stored()).singleElement().satisfies(put -> {
                assertThat(put.key()).isEqualTo(KEYS.leaderReport());
                assertThat(JSON.readValue(put.content(), LeaderReport.class).outcome()).isEqualTo(LeaderReport.STARTED);
            });
            assertThat(store.failedPuts()).isEqualTo(3);
            assertThat(store.puts()).allSatisfy(put -> assertThat(put.content()).isEqualTo(store.stored().getFirst().content()));
        }
    }

    @Test
    void aLeaderWhoseBucketNeverComesBackExitsNonZero() throws Exception {
        FlakyStore store = new FlakyStore().down();
        try (Gate gate = new Gate()) {
            int exit = new LeaderAgent(leaderConfig(gate.address, Map.of(AgentConfig.UPLOAD_DEADLINE, "1")), c -> store, quickRetry).run();

            assertThat(exit).isEqualTo(WorkerAgent.EXIT_NOT_STORED);
            assertThat(store.stored()).isEmpty();
            assertThat(store.failedPuts()).isGreaterThan(1);
        }
    }

    /** The result files among the puts: the worker's live record is best effort and has no place in the upload order. */
    private static List<FlakyStore.Put> results(List<FlakyStore.Put> puts) {
        return puts.stream().filter(put -> !put.key().endsWith(ResultKeys.LIVE)).toList();
    }

    private void assertStoredOnceReportLast(FlakyStore store) throws IOException {
        assertThat(results(store.stored())).extracting(FlakyStore.Put::key).containsExactly(XML, HISTOGRAMS, REPORT);
        for (FlakyStore.Put stored : store.stored()) {
            assertThat(store.puts()).filteredOn(p -> p.key().equals(stored.key()))
                    .allSatisfy(attempt -> assertThat(attempt.content()).isEqualTo(stored.content()));
        }
        assertThat(new String(results(store.stored()).getFirst().content(), StandardCharsets.UTF_8)).contains("<FinalStatus>");
        WorkerReport report = JSON.readValue(results(store.stored()).getLast().content(), WorkerReport.class);
        assertThat(report.outcome()).isEqualTo(WorkerReport.COMPLETED);
        assertThat(report.samples()).isPositive();
    }

    private FlakyStore scenario(FlakyStore store) {
        String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/";
        return store.with(KEYS.scenario(), new TaurusConfig(1, "0s", "1s", "2s",
                List.of(new TaurusConfig.Request("home", url, "GET", Map.of(), null))).toJson());
    }

    /** Runs a worker on a free port, starts it with the real leader, and returns its exit code. */
    private int runWorker(FlakyStore store, Map<String, String> extra) throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>(baseEnv());
        env.put(AgentConfig.WORKER_ID, "w1");
        env.put(AgentConfig.BIND_ADDRESS, "127.0.0.1");
        env.put(AgentConfig.START_PORT, Integer.toString(port));
        env.put(AgentConfig.START_DEADLINE, "120");
        env.put(AgentConfig.ENGINE, "native");
        env.putAll(extra);
        worker = new WorkerAgent(new AgentConfig(env), c -> store, quickRetry);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> exit.complete(worker.run()));
        await().atMost(Duration.ofSeconds(60)).until(() -> listening(port) || exit.isDone());
        LeaderReport started = new StartLeader("t", "r", "local", SECRET,
                new LeaderSettings(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(300)), Clock.systemUTC())
                .start(List.of(new WorkerAddress("127.0.0.1", port)));
        assertThat(started.outcome()).isEqualTo(LeaderReport.STARTED);
        return exit.get(120, TimeUnit.SECONDS);
    }

    private static AgentConfig leaderConfig(WorkerAddress worker, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(baseEnv());
        env.put(AgentConfig.ROLE, "leader");
        env.put(AgentConfig.WORKER_ADDRESSES, worker.toString());
        env.put(AgentConfig.START_LEAD_MS, "300");
        env.putAll(extra);
        return new AgentConfig(env);
    }

    private static Map<String, String> baseEnv() {
        return Map.of(AgentConfig.TEST_ID, KEYS.testId(), AgentConfig.RUN_ID, KEYS.runId(), AgentConfig.REGION, KEYS.region(),
                AgentConfig.BUCKET, "bucket", AgentConfig.RUN_SECRET, Base64.getEncoder().encodeToString(SECRET));
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

    /** A worker's start gate alone, for the leader to start. */
    private static final class Gate implements AutoCloseable {

        final StartGate gate = new StartGate("t", "r", "w1", SECRET, Clock.systemUTC());
        final WorkerAddress address;

        Gate() throws IOException {
            InetSocketAddress bound = gate.open(new InetSocketAddress("127.0.0.1", 0));
            address = new WorkerAddress("127.0.0.1", bound.getPort());
        }

        @Override
        public void close() {
            gate.close();
        }
    }
}
