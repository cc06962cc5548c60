package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusConfig.Request;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.TaurusXmlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taurus engine running the stand-in bzt as a real child process, for what the real bzt
 * ({@link TaurusEngineRealBztTest}) cannot be made to do on cue: hang, ignore SIGTERM, leave a child
 * behind, fail with or without results, report whether it ran during prepare, or produce exactly
 * known latencies for the histogram checks.
 */
class TaurusEngineTest {

    private static final String CHECKOUT = "checkout, \"v2\"";
    private static final TaurusConfig SIMPLE = new TaurusConfig(3, "0s", "1s", "5s", List.of(
            new Request(CHECKOUT, "http://127.0.0.1:9/checkout", "POST", Map.of("Content-Type", "application/json"), "{\"sku\": 1}"),
            new Request("home", "http://127.0.0.1:9/", "GET", Map.of(), null)));
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    private StandinBzt bzt;
    private Path workDir;

    @BeforeEach
    void installStandin() throws IOException {
        bzt = StandinBzt.install(tmp.resolve("bin"));
        workDir = tmp.resolve("work");
    }

    @Test
    void runPicksUpResultsXmlUnchangedAndBuildsHistogramsFromKpiJtl() throws Exception {
        TaurusEngine engine = engine(Duration.ofMinutes(1), Duration.ofSeconds(10));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        EngineOutput output = engine.run();

        Path artifacts = engine.artifactsDir();
        assertThat(output.taurusXml()).isEqualTo(Files.readAllBytes(artifacts.resolve("results.xml")));
        FinalStatus status = TaurusXmlReader.read(output.taurusXml());
        // the stand-in makes 2 x concurrency samples per label, with elapsed 10*(label+1)+i ms
        assertHistogram(output, CHECKOUT, 6, 10, 15);
        assertHistogram(output, "home", 6, 20, 25);
        assertHistogram(output, "", 12, 10, 25);
        assertThat(status.groups().get(CHECKOUT).throughput()).isEqualTo(6);
        assertThat(status.overall().orElseThrow().throughput()).isEqualTo(output.samples()).isEqualTo(12);
        assertThat(output.report().maxConcurrency()).isEqualTo(3);
        assertThat(output.report().stoppedEarly()).isFalse();
        assertThat(output.report().finishedAt()).isAfterOrEqualTo(output.report().startedAt());
        assertThat(output.logs()).containsOnlyKeys("bzt.log", "jmeter.log");
        assertThat(Files.readString(output.logs().get("bzt.log"))).contains("Dumping final status as XML: " + artifacts.resolve("results.xml"));
        assertThat(Files.readString(output.logs().get("jmeter.log"))).contains("standin JMeter with 3 users");
        JsonNode record = StandinBzt.record(artifacts);
        assertThat(record.path("state").asText()).isEqualTo("done");
        assertThat(Path.of(record.path("cwd").asText())).isEqualTo(workDir.toRealPath());
        assertThat(record.path("argv").get(0).asText()).isEqualTo(workDir.resolve(TaurusEngine.CONFIG_FILE).toString());
    }

    @Test
    void prepareWritesTheConfigButOnlyRunStartsBzt() throws Exception {
        TaurusEngine engine = engine(Duration.ofMinutes(1), Duration.ofSeconds(10));

        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        assertThat(workDir.resolve(TaurusEngine.CONFIG_FILE)).isRegularFile();
        assertThat(StandinBzt.record(engine.artifactsDir()).isMissingNode()).as("bzt ran during prepare()").isTrue();
        engine.run();
        assertThat(StandinBzt.record(engine.artifactsDir()).path("state").asText()).isEqualTo("done");
    }

    @Test
    void stopBeforeRunStartsNoBzt() throws Exception {
        TaurusEngine engine = engine(Duration.ofMinutes(1), Duration.ofSeconds(10));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        engine.stop();
        EngineOutput output = engine.run();

        assertThat(output.report().stoppedEarly()).isTrue();
        assertThat(output.samples()).isZero();
        assertThat(TaurusXmlReader.read(output.taurusXml()).overall().orElseThrow().throughput()).isZero();
        assertThat(StandinBzt.record(engine.artifactsDir()).isMissingNode()).isTrue();
    }

    @Test
    void stopMidRunSendsSigtermAndReturnsThePartialResults() throws Exception {
        bzt.behave(Map.of("sleep", 600));
        TaurusEngine engine = engine(Duration.ofMinutes(30), Duration.ofSeconds(10));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));
        CompletableFuture<EngineOutput> run = runAsync(engine);
        awaitState(engine, "running");

        engine.stop();

        EngineOutput output = run.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(output.report().stoppedEarly()).isTrue();
        assertThat(output.samples()).isEqualTo(6); // concurrency samples per label: the stand-in's partial results
        assertThat(output.histograms().get("home").orElseThrow().getTotalCount()).isEqualTo(3);
        JsonNode record = StandinBzt.record(engine.artifactsDir());
        assertThat(record.path("state").asText()).isEqualTo("stopped");
        // bzt said it was shutting down: one SIGTERM was enough
        assertThat(record.path("signals").toString()).isEqualTo("[\"SIGTERM\"]");
    }

    @Test
    void aSigtermThatBztLosesIsSentAgainUntilItShutsDown() throws Exception {
        bzt.behave(Map.of("sleep", 600, "loseTerms", 2));
        TaurusEngine engine = engine(Duration.ofMinutes(30), Duration.ofSeconds(50));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));
        CompletableFuture<EngineOutput> run = runAsync(engine);
        awaitState(engine, "running");

        engine.stop();

        EngineOutput output = run.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertThat(output.report().stoppedEarly()).isTrue();
        assertThat(output.samples()).isEqualTo(6);
        JsonNode record = StandinBzt.record(engine.artifactsDir());
        assertThat(record.path("state").asText()).as("bzt wrote its results and exited itself").isEqualTo("stopped");
        assertThat(record.path("signals").toString()).isEqualTo("[\"SIGTERM\",\"SIGTERM\",\"SIGTERM\"]");
    }

    @Test
    void deadlineStopsABztThatRunsPastRampUpHoldForAndGrace() throws Exception {
        bzt.behave(Map.of("sleep", 600));
        TaurusEngine engine = engine(Duration.ofSeconds(1), Duration.ofSeconds(10)); // deadline 0s + 1s + 1s

        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));
        EngineOutput output = runAsync(engine).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);

        assertThat(output.report().stoppedEarly()).isTrue();
        assertThat(output.samples()).isEqualTo(6);
        assertThat(StandinBzt.record(engine.artifactsDir()).path("signals").toString()).contains("SIGTERM");
    }

    @Test
    void bztThatIgnoresSigtermIsKilledWithItsChildren() throws Exception {
        bzt.behave(Map.of("sleep", 600, "ignoreTerm", true, "child", true));
        TaurusEngine engine = engine(Duration.ofSeconds(1), Duration.ofSeconds(1));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        assertThatThrownBy(() -> join(runAsync(engine)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ran past its deadline of 2s")
                .hasMessageContaining("was killed after ignoring SIGTERM")
                .hasMessageContaining("wrote no results.xml")
                .hasMessageContaining("WARNING: ignoring SIGTERM");
        JsonNode record = StandinBzt.record(engine.artifactsDir());
        for (String pid : List.of("pid", "childPid")) {
            await().atMost(HANG_GUARD).until(() -> !alive(record.path(pid).asLong()));
        }
    }

    @Test
    void bztThatFailsWithoutResultsGivesAClearErrorWithItsLastOutput() throws Exception {
        bzt.behave(Map.of("failWithoutResults", true));
        TaurusEngine engine = engine(Duration.ofMinutes(1), Duration.ofSeconds(10));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        assertThatThrownBy(engine::run)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("bzt exited with code 1 and wrote no results.xml; bzt's last output:")
                .hasMessageContaining("Child Process Error: JMeter exited with non-zero code: 1");
    }

    @Test
    void nonZeroExitStillReturnsTheResultsMarkedFailed() throws Exception {
        bzt.behave(Map.of("exitCode", 3));
        TaurusEngine engine = engine(Duration.ofMinutes(1), Duration.ofSeconds(10));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        EngineOutput output = engine.run();

        assertThat(output.report().stoppedEarly()).isFalse();
        assertThat(output.report().failure()).startsWith("bzt exited with code 3").contains("bzt's last output:");
        assertThat(output.samples()).isEqualTo(12);
        assertThat(Files.readString(output.logs().get("bzt.log"), StandardCharsets.UTF_8)).contains("Done performing with code: 3");
    }

    @Test
    void aMissingBztExecutableIsAClearError() throws Exception {
        TaurusEngine engine = new TaurusEngine(new TaurusSettings(tmp.resolve("nowhere/bzt").toString(), tmp.resolve("artifacts"),
                null, Duration.ofMinutes(1), Duration.ofSeconds(1)));
        engine.prepare(StandinBzt.input(SIMPLE, Map.of(), workDir));

        assertThatThrownBy(engine::run).isInstanceOf(IOException.class).hasMessageContaining("cannot start bzt")
                .hasMessageContaining(TaurusSettings.BZT);
    }

    private TaurusEngine engine(Duration grace, Duration stopTimeout) {
        return new TaurusEngine(bzt.settings(tmp.resolve("artifacts"), null, grace, stopTimeout));
    }

    private static void assertHistogram(EngineOutput output, String label, long count, long minMillis, long maxMillis) {
        Histogram histogram = output.histograms().get(label).orElseThrow();
        assertThat(histogram.getTotalCount()).as("samples of '%s'", label).isEqualTo(count);
        assertThat(histogram.getMinValue()).isEqualTo(histogram.lowestEquivalentValue(minMillis * 1000));
        assertThat(histogram.getMaxValue()).isEqualTo(histogram.highestEquivalentValue(maxMillis * 1000));
    }

    private static CompletableFuture<EngineOutput> runAsync(TaurusEngine engine) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.run();
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static EngineOutput join(CompletableFuture<EngineOutput> run) throws Throwable {
        try {
            return run.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        }
    }

    private static void awaitState(TaurusEngine engine, String state) {
        await().atMost(HANG_GUARD).until(() -> state.equals(StandinBzt.record(engine.artifactsDir()).path("state").asText()));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
