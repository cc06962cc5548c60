package dev.dlt.agent.engine.taurus;

import static dev.dlt.agent.engine.taurus.PlanZips.entries;
import static dev.dlt.agent.engine.taurus.PlanZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusConfig.Request;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import dev.dlt.results.taurus.TaurusXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The taurus engine with the real bzt 1.17.0 and JMeter 5.6.3 ({@link RealBzt}) against a local HTTP
 * server: the config the agent writes is run as written, and what JMeter did is what the target saw.
 */
class TaurusEngineRealBztTest {

    private static final String CTG = "com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup";
    private static final String GRACEFUL_SHUTDOWN = "WARNING: Please wait for graceful shutdown...";

    @TempDir
    Path tmp;
    private RealBzt bzt;

    @BeforeEach
    void realBzt() {
        bzt = RealBzt.fromEnv();
    }

    @Test
    void simpleScenarioRunsAsConfiguredWithHeadersBodyTimeoutRampUpAndHoldFor() throws Exception {
        try (RecordingTarget target = new RecordingTarget()) {
            TaurusConfig scenario = new TaurusConfig(2, "1s", "3s", "500ms", List.of(
                    new Request("home", target.url("/home?from=dlt"), "GET", Map.of("X-Dlt-Run", "run-7"), null),
                    new Request("checkout", target.url("/checkout"), "POST", Map.of("Content-Type", "application/json"), "{\"sku\": 42}"),
                    new Request("slow", target.url("/slow"), "GET", Map.of(), null)));
            TaurusEngine engine = engine(bzt.settings(tmp, Duration.ofMinutes(2), Duration.ofSeconds(20)));
            engine.prepare(StandinBzt.input(scenario, Map.of(), tmp.resolve("work")));

            EngineOutput output = engine.run();

            Path artifacts = engine.artifactsDir();
            assertConsoleHasNoWarnings(output);
            assertThat(output.report().failure()).isNull();
            assertThat(output.report().flags()).isEmpty();
            // Taurus' own results.xml, unchanged, and exact histograms from its kpi.jtl
            assertThat(output.taurusXml()).isEqualTo(Files.readAllBytes(artifacts.resolve("results.xml")));
            FinalStatus status = TaurusXmlReader.read(output.taurusXml());
            GroupStats overall = status.overall().orElseThrow();
            List<RecordingTarget.Seen> seen = target.seen();
            assertThat(overall.throughput()).isEqualTo(output.samples()).isEqualTo(seen.size());
            assertThat(overall.concurrency()).isEqualTo(2);
            assertLabel(output, status, "home", seen, s -> s.method().equals("GET") && s.path().equals("/home?from=dlt")
                    && "run-7".equals(s.headers().get("x-dlt-run")));
            assertLabel(output, status, "checkout", seen, s -> s.method().equals("POST") && s.path().equals("/checkout")
                    && s.body().equals("{\"sku\": 42}") && "application/json".equals(s.headers().get("content-type")));
            assertLabel(output, status, "slow", seen, s -> s.path().equals("/slow"));
            // the target answers /slow after 3 s: every one of them failed on the 500 ms timeout
            assertThat(status.groups().get("slow").fail()).isEqualTo(status.groups().get("slow").throughput());
            assertThat(status.groups().get("slow").responseCodes()).containsOnlyKeys("SocketTimeoutException");
            assertThat(overall.fail()).isEqualTo(status.groups().get("slow").fail());
            // JMeter was told ramp-up, hold-for, concurrency and timeouts, and held the load for hold-for at least
            Document jmx = generatedPlan(artifacts);
            assertThat(xpath(jmx, "//" + CTG + "/stringProp[@name='TargetLevel']")).isEqualTo("2");
            assertThat(xpath(jmx, "//" + CTG + "/stringProp[@name='RampUp']")).isEqualTo("1");
            assertThat(xpath(jmx, "//" + CTG + "/stringProp[@name='Hold']")).isEqualTo("3");
            assertThat(xpath(jmx, "//" + CTG + "/stringProp[@name='Unit']")).isEqualTo("S");
            // the scenario's timeout goes to the HTTP Request Defaults every sampler inherits
            assertThat(xpath(jmx, "//ConfigTestElement/stringProp[@name='HTTPSampler.connect_timeout']")).isEqualTo("500");
            assertThat(xpath(jmx, "//ConfigTestElement/stringProp[@name='HTTPSampler.response_timeout']")).isEqualTo("500");
            // the report's start and end are JMeter's first and last sample, not bzt's start-up
            assertThat(Duration.between(output.report().startedAt(), output.report().finishedAt()))
                    .isEqualTo(KpiJtlReader.read(artifacts.resolve("kpi.jtl")).span()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void throughputLimitsTheRequestRate() throws Exception {
        try (RecordingTarget target = new RecordingTarget()) {
            // 4 users on a fast target would send thousands of requests in 4 s; Taurus' throughput allows 10 a second
            TaurusConfig scenario = new TaurusConfig(4, "0s", "4s", null, List.of(
                    new Request("capped", target.url("/capped"), "GET", Map.of(), null)), null, 10);
            TaurusEngine engine = engine(bzt.settings(tmp, Duration.ofMinutes(2), Duration.ofSeconds(20)));
            engine.prepare(StandinBzt.input(scenario, Map.of(), tmp.resolve("work")));

            EngineOutput output = engine.run();

            assertConsoleHasNoWarnings(output);
            assertThat(output.report().flags()).isEmpty();
            FinalStatus status = TaurusXmlReader.read(output.taurusXml());
            assertThat(status.overall().orElseThrow().throughput()).isEqualTo(output.samples()).isBetween(10L, 60L);
            // When the throughput timer's schedule runs out it stops the threads itself, and JMeter can end the test
            // while a user it had just let go is still sampling: that request reaches the target, its sample is
            // in neither results.xml nor kpi.jtl (jmeter.log: "No further RPS schedule, asking threads to stop",
            // "Notifying test listeners of end of test", then that user's "Thread is done"). Seen in 2 of 16 runs
            // under CPU load, one request each. So the target saw every counted request and at most one per user more.
            assertThat((long) target.seen().size()).as("requests the target saw, for %d samples and 4 users", output.samples())
                    .isBetween(output.samples(), output.samples() + 4);
            if (target.seen().size() > output.samples()) {
                // an uncounted request only in that race, never otherwise
                assertThat(Files.readString(output.logs().get("jmeter.log"))).as("jmeter.log of a run with uncounted requests")
                        .contains("No further RPS schedule, asking threads to stop");
            }
            Document jmx = generatedPlan(engine.artifactsDir());
            assertThat(xpath(jmx, "count(//kg.apc.jmeter.timers.VariableThroughputTimer)")).isEqualTo("1");
            assertThat(xpath(jmx, "//kg.apc.jmeter.timers.VariableThroughputTimer//collectionProp/stringProp[1]")).isEqualTo("10.0");
        }
    }

    @Test
    void zippedPlanReadsItsCsvAndRunsItsCustomThreadGroupFromItsPluginsFolder() throws Exception {
        try (RecordingTarget target = new RecordingTarget()) {
            byte[] zip = zip(entries(
                    "suite/plan.jmx", plan(target.port()),
                    "suite/data/users.csv", "alice\nbob\ncarol\n",
                    "plugins/" + RealBzt.jar("jmeter-plugins-casutg").getFileName(), Files.readAllBytes(RealBzt.jar("jmeter-plugins-casutg")),
                    "plugins/" + RealBzt.jar("jmeter-plugins-cmn-jmeter").getFileName(),
                    Files.readAllBytes(RealBzt.jar("jmeter-plugins-cmn-jmeter"))));
            // the plain JMeter (the kit's has no plugins): the plan's thread group comes from the zip's plugins/
            List<String> sharedExt = names(bzt.plainJmeterHome().resolve("lib/ext"));
            TaurusEngine engine = engine(bzt.settings(tmp, bzt.plainJmeterHome(), Duration.ofMinutes(2), Duration.ofSeconds(20)));
            engine.prepare(StandinBzt.input(new TaurusConfig(2, "0s", "3s", null, List.of(), "suite.zip"), Map.of("suite.zip", zip),
                    tmp.resolve("work")));

            EngineOutput output = engine.run();

            assertConsoleHasNoWarnings(output);
            assertThat(output.report().failure()).isNull();
            assertThat(output.report().flags()).isEmpty();
            List<RecordingTarget.Seen> seen = target.seen();
            assertThat(seen).extracting(RecordingTarget.Seen::path).containsOnly("/users/alice", "/users/bob", "/users/carol")
                    .contains("/users/alice", "/users/bob", "/users/carol");
            FinalStatus status = TaurusXmlReader.read(output.taurusXml());
            assertThat(status.overall().orElseThrow().throughput()).isEqualTo(output.samples()).isEqualTo(seen.size());
            assertThat(status.overall().orElseThrow().fail()).isZero();
            assertThat(output.histograms().get("user page").orElseThrow().getTotalCount()).isEqualTo(seen.size());
            Document jmx = generatedPlan(engine.artifactsDir());
            assertThat(xpath(jmx, "//" + CTG + "/stringProp[@name='TargetLevel']")).isEqualTo("2");
            assertThat(xpath(jmx, "//" + CTG + "/stringProp[@name='Hold']")).isEqualTo("3");
            assertThat(Files.readString(output.logs().get("jmeter.log"))).contains("/jmeter-home/lib/ext/jmeter-plugins-casutg-2.10.jar")
                    .contains("ConcurrencyThreadStarter: Start supplying threads");
            assertThat(names(bzt.plainJmeterHome().resolve("lib/ext"))).as("the shared JMeter's lib/ext").isEqualTo(sharedExt);
        }
    }

    @Test
    void stopMidRunEndsBztAndJmeterAndKeepsTheirPartialResults() throws Exception {
        try (RecordingTarget target = new RecordingTarget()) {
            TaurusConfig scenario = new TaurusConfig(2, "0s", "5m", null, List.of(
                    new Request("long", target.url("/long"), "GET", Map.of(), null)));
            TaurusEngine engine = engine(bzt.settings(tmp, Duration.ofMinutes(2), Duration.ofSeconds(30)));
            engine.prepare(StandinBzt.input(scenario, Map.of(), tmp.resolve("work")));
            CompletableFuture<EngineOutput> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.run();
                } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> target.seen().size() >= 20 || run.isDone());
            // live records follow kpi.jtl while JMeter writes it
            java.util.concurrent.atomic.AtomicLong live = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong index = new java.util.concurrent.atomic.AtomicLong();
            await().atMost(Duration.ofMinutes(1)).until(() -> live.addAndGet(engine.live().roll(index.getAndIncrement()).total().requests()) > 0
                    || run.isDone());
            assertThat(live.get()).as("samples seen live while bzt ran").isPositive();

            engine.stop();

            // SIGTERM: Taurus stops JMeter and still dumps its final stats (the kit runs python -m bzt.cli, as the image does)
            EngineOutput output = run.get(2, TimeUnit.MINUTES);
            assertThat(output.report().stoppedEarly()).isTrue();
            assertThat(output.report().flags()).isEmpty();
            // bzt shut down on its own, after its final stats, rather than being killed
            assertThat(Files.readString(output.logs().get("bzt.log"))).contains("Dumping final status as XML")
                    .contains("Done performing with code");
            // JMeter was told to stop through its management port: bzt was never interrupted by a signal, which
            // can cost it the samples it is merging at that instant (results.xml then counts fewer than kpi.jtl)
            assertThat(Files.readString(output.logs().get("jmeter.log"))).contains("Command: Shutdown received from /127.0.0.1");
            assertThat(Files.readString(output.logs().get("bzt-debug.log"))).doesNotContain("ManualShutdown");
            GroupStats overall = TaurusXmlReader.read(output.taurusXml()).overall().orElseThrow();
            assertThat(overall.throughput()).isEqualTo(output.samples());
            // the last interval reads the rest of kpi.jtl: the intervals add up to the run's samples exactly
            live.addAndGet(engine.live().roll(index.getAndIncrement()).total().requests());
            assertThat(live.get()).isEqualTo(output.samples());
            // a request cut off by the stop may fail before it reaches the target; every success did reach it
            assertThat(overall.succ()).isPositive().isLessThanOrEqualTo(target.seen().size());
            assertThat(Duration.between(output.report().startedAt(), output.report().finishedAt())).isLessThan(Duration.ofMinutes(5));
        }
    }

    @Test
    void aRunWhereEveryRequestFailsIsFlagged() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TaurusConfig scenario = new TaurusConfig(1, "0s", "2s", "500ms", List.of(
                new Request("refused", "http://127.0.0.1:" + closedPort + "/", "GET", Map.of(), null)));
        TaurusEngine engine = engine(bzt.settings(tmp, Duration.ofMinutes(2), Duration.ofSeconds(20)));
        engine.prepare(StandinBzt.input(scenario, Map.of(), tmp.resolve("work")));

        EngineOutput output = engine.run();

        GroupStats overall = TaurusXmlReader.read(output.taurusXml()).overall().orElseThrow();
        assertThat(overall.throughput()).isPositive();
        assertThat(overall.fail()).isEqualTo(overall.throughput());
        assertThat(output.report().failure()).isNull();
        assertThat(output.report().flags()).containsExactly(WorkerReport.ONLY_ERRORS);
    }

    private TaurusEngine engine(TaurusSettings settings) {
        return new TaurusEngine(settings);
    }

    private static void assertLabel(EngineOutput output, FinalStatus status, String label, List<RecordingTarget.Seen> seen,
                                    Predicate<RecordingTarget.Seen> request) {
        long count = seen.stream().filter(request).count();
        assertThat(count).as("requests of '%s' the target saw", label).isPositive();
        assertThat(status.groups().get(label).throughput()).as("samples of '%s' in results.xml", label).isEqualTo(count);
        assertThat(output.histograms().get(label).orElseThrow().getTotalCount()).as("samples of '%s' in kpi.jtl", label).isEqualTo(count);
    }

    /** Every WARNING or ERROR bzt printed, but the one it always prints when JMeter ends. */
    private static void assertConsoleHasNoWarnings(EngineOutput output) throws IOException {
        List<String> lines = Files.readAllLines(output.logs().get("bzt.log"));
        assertThat(lines).as("bzt's console output").anyMatch(l -> l.contains("Done performing with code: 0"))
                // the version the Dockerfile pins (DockerfileTest)
                .anyMatch(l -> l.contains("Taurus CLI Tool v1.17.0"));
        assertThat(lines.stream().filter(l -> l.matches("^\\S+ (WARNING|ERROR): .*")).filter(l -> !l.endsWith(GRACEFUL_SHUTDOWN)))
                .as("bzt's warnings").isEmpty();
    }

    private static String plan(int port) throws IOException {
        try (InputStream in = TaurusEngineRealBztTest.class.getResourceAsStream("/taurus/csv-users-plan.jmx")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@PORT@", Integer.toString(port));
        }
    }

    /** The plan JMeter ran: the one Taurus generated from the scenario, or the plan with Taurus' load settings. */
    private static Document generatedPlan(Path artifacts) throws Exception {
        Path jmx;
        try (Stream<Path> files = Files.list(artifacts)) {
            List<Path> modified = files.filter(f -> f.getFileName().toString().matches("modified_.*\\.jmx")).toList();
            assertThat(modified).as("modified_*.jmx in %s", artifacts).hasSize(1);
            jmx = modified.getFirst();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(jmx.toFile());
    }

    private static String xpath(Document document, String expression) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(expression, document, XPathConstants.STRING);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
