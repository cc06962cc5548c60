package dev.dlt.agent.engine.taurus;

import static dev.dlt.agent.engine.taurus.PlanZips.entries;
import static dev.dlt.agent.engine.taurus.PlanZips.plan;
import static dev.dlt.agent.engine.taurus.PlanZips.text;
import static dev.dlt.agent.engine.taurus.PlanZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMeter plans (DLT test type "jmeter"): a .jmx or a .zip with the plan, its data files and plugins,
 * with the stand-in bzt, which records the working dir, data files and lib/ext it saw and refuses
 * what the real one could not run. A real plan on the real bzt and JMeter: {@link TaurusEngineRealBztTest}.
 */
class JmeterPlanTest {

    private static final byte[] PLUGIN = text("not really a jar, but bytes to compare");

    @TempDir
    Path tmp;
    private StandinBzt bzt;
    private Path jmeterHome;
    private Path workDir;

    @BeforeEach
    void setUp() throws IOException {
        bzt = StandinBzt.install(tmp.resolve("bin"));
        jmeterHome = tmp.resolve("jmeter");
        Files.createDirectories(jmeterHome.resolve("bin"));
        Files.writeString(jmeterHome.resolve("bin/jmeter"), "#!/bin/sh\n");
        workDir = tmp.resolve("work");
    }

    @Test
    void zipWithPlanDataFileAndPluginsRunsFromThePlansFolder() throws Exception {
        byte[] zip = zip(entries(
                "load/", "",
                "load/plan.jmx", plan(),
                "load/data/users.csv", "alice,secret\n",
                "load/extras/older.jmx", "<jmeterTestPlan/>",
                "__MACOSX/load/._plan.jmx", "resource fork",
                "plugins/dlt-test-plugin.jar", PLUGIN));
        TaurusEngine engine = engine(jmeterHome);

        engine.prepare(StandinBzt.input(scenario("plan.zip"), Map.of("plan.zip", zip), workDir));

        // the plugin goes to the run's own JMeter home, never into the worker's
        Path runHome = workDir.resolve(PlanResolver.JMETER_HOME);
        assertThat(runHome.resolve("lib/ext/dlt-test-plugin.jar")).hasBinaryContent(PLUGIN);
        assertThat(runHome.resolve("bin/jmeter")).isRegularFile().hasSameTextualContentAs(jmeterHome.resolve("bin/jmeter"));
        assertThat(jmeterHome.resolve("lib")).doesNotExist();
        Path jmx = workDir.resolve("plan/load/plan.jmx").toRealPath();
        JsonNode config = new ObjectMapper().readTree(workDir.resolve(TaurusEngine.CONFIG_FILE).toFile());
        assertThat(config.path("scenarios").path(TaurusConfig.SCENARIO).path("script").asText()).isEqualTo(jmx.toString());
        assertThat(config.path("modules").path("jmeter").path("path").asText()).isEqualTo(runHome.resolve("bin/jmeter").toString());

        EngineOutput output = engine.run();

        JsonNode record = StandinBzt.record(engine.artifactsDir());
        assertThat(Path.of(record.path("cwd").asText())).isEqualTo(jmx.getParent());
        assertThat(record.path("dataFiles").toString()).contains("data/users.csv");
        assertThat(record.path("libExt").toString()).contains("dlt-test-plugin.jar");
        assertThat(output.histograms().asMap()).containsOnlyKeys("login", "search, page 1", "");
        assertThat(output.histograms().get("search, page 1").orElseThrow().getTotalCount()).isEqualTo(4);
        assertThat(output.samples()).isEqualTo(8);
    }

    @Test
    void plainJmxIsFetchedCheckedAndRun() throws Exception {
        Files.createDirectories(workDir.resolve("plan/data"));
        Files.writeString(workDir.resolve("plan/data/users.csv"), "bob,pw\n");
        TaurusEngine engine = engine(null);

        engine.prepare(StandinBzt.input(scenario("plan.jmx"), Map.of("plan.jmx", plan()), workDir));
        EngineOutput output = engine.run();

        assertThat(Path.of(StandinBzt.record(engine.artifactsDir()).path("cwd").asText())).isEqualTo(workDir.resolve("plan").toRealPath());
        assertThat(output.histograms().get("login").orElseThrow().getTotalCount()).isEqualTo(4);
    }

    @Test
    void pluginsAreSkippedWhenJmeterHomeIsUnknown() throws Exception {
        byte[] zip = zip(entries("plan.jmx", plan(), "data/users.csv", "a,b\n", "plugins/x.jar", PLUGIN));
        TaurusEngine engine = engine(null);

        engine.prepare(StandinBzt.input(scenario("plan.zip"), Map.of("plan.zip", zip), workDir));

        assertThat(jmeterHome.resolve("lib")).doesNotExist();
        assertThat(workDir.resolve("plan/plan.jmx")).isRegularFile();
    }

    @Test
    void zipWithoutPlanFails() throws IOException {
        byte[] zip = zip(entries("data/users.csv", "a,b\n", "__MACOSX/._plan.jmx", "fork"));

        assertThatThrownBy(() -> prepare("plan.zip", zip)).isInstanceOf(IOException.class).hasMessage("plan.zip contains no .jmx file");
    }

    @Test
    void zipWithTwoPlansAtTheTopFailsNamingThem() throws IOException {
        byte[] zip = zip(entries("tests/a.jmx", plan(), "tests/b.jmx", plan(), "tests/deeper/c.jmx", plan()));

        assertThatThrownBy(() -> prepare("plan.zip", zip)).isInstanceOf(IOException.class)
                .hasMessage("plan.zip contains several .jmx files at the same level (tests/a.jmx, tests/b.jmx); it must contain exactly one plan");
    }

    @Test
    void planThatIsNotXmlFails() {
        assertThatThrownBy(() -> prepare("plan.jmx", text("threads=10\nurl=https://example.com\n")))
                .isInstanceOf(IOException.class).hasMessageStartingWith("plan.jmx is not well-formed XML: ");
    }

    @Test
    void planInAZipThatIsNotXmlFailsNamingTheEntry() throws IOException {
        byte[] zip = zip(entries("load/plan.jmx", "<jmeterTestPlan><hashTree></jmeterTestPlan>"));

        assertThatThrownBy(() -> prepare("plan.zip", zip)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("plan.zip: load/plan.jmx is not well-formed XML: ");
    }

    @Test
    void xmlThatIsNotAJmeterPlanFails() {
        assertThatThrownBy(() -> prepare("plan.jmx", text("<?xml version=\"1.0\"?><project><build/></project>")))
                .isInstanceOf(IOException.class)
                .hasMessage("plan.jmx is not a JMeter plan: its root element is <project>, expected <jmeterTestPlan>");
    }

    @Test
    void planWithADoctypeIsRefusedSoNoEntityIsResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE jmeterTestPlan [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<jmeterTestPlan>&secret;</jmeterTestPlan>";

        assertThatThrownBy(() -> prepare("plan.jmx", text(xxe))).isInstanceOf(IOException.class)
                .hasMessage("plan.jmx must not contain a DOCTYPE declaration");
    }

    @Test
    void zipSlipEntryIsRefused() throws IOException {
        byte[] zip = zip(entries("plan.jmx", plan(), "../../escaped.txt", "gotcha"));

        assertThatThrownBy(() -> prepare("plan.zip", zip)).isInstanceOf(IOException.class)
                .hasMessage("plan.zip has an entry '../../escaped.txt' that points outside the plan folder; refusing to unpack it");
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        assertThat(workDir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void somethingThatIsNotAZipFails() {
        assertThatThrownBy(() -> prepare("plan.zip", plan())).isInstanceOf(IOException.class)
                .hasMessageStartingWith("plan.zip is not a readable zip file");
    }

    @Test
    void scriptMustBeAFileNameNextToTheScenario() {
        assertThatThrownBy(() -> prepare("../other-test/plan.jmx", plan())).isInstanceOf(IOException.class)
                .hasMessage("script '../other-test/plan.jmx' must be the file name of a plan stored next to the scenario");
        assertThatThrownBy(() -> prepare("plan.yaml", plan())).isInstanceOf(IOException.class)
                .hasMessage("script 'plan.yaml' is neither a .jmx plan nor a .zip with one");
    }

    @Test
    void aPlanMissingFromS3FailsBeforeTheGateOpens() {
        TaurusEngine engine = engine(null);

        assertThatThrownBy(() -> engine.prepare(StandinBzt.input(scenario("plan.zip"), Map.of(), workDir)))
                .isInstanceOf(IOException.class).hasMessageContaining("plan.zip does not exist");
    }

    private void prepare(String script, byte[] content) throws IOException {
        engine(jmeterHome).prepare(StandinBzt.input(scenario(script), Map.of(script, content), workDir));
    }

    private static TaurusConfig scenario(String script) {
        return new TaurusConfig(2, "0s", "1s", null, List.of(), script);
    }

    private TaurusEngine engine(Path home) {
        return new TaurusEngine(bzt.settings(tmp.resolve("artifacts"), home, Duration.ofMinutes(1), Duration.ofSeconds(10)));
    }
}
