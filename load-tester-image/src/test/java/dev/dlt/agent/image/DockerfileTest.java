package dev.dlt.agent.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.engine.taurus.TaurusSettings;
import dev.dlt.agent.gate.StartGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worker image's Dockerfile, checked without a container engine: pinned, non-root, runs the agent. */
class DockerfileTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static Dockerfile dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Dockerfile.read(MODULE.resolve("Dockerfile"));
    }

    @Test
    void baseImageIsPinnedToARelease() {
        List<Dockerfile.Instruction> from = dockerfile.all("FROM");
        assertThat(from).hasSize(1);
        String image = from.getFirst().arguments();
        assertThat(image).startsWith("public.ecr.aws/amazonlinux/amazonlinux:");
        String tag = image.substring(image.lastIndexOf(':') + 1);
        assertThat(tag).isNotEqualTo("latest").matches("\\d{4}\\.\\d+\\.\\d{8}\\.\\d+");
    }

    @Test
    void bztAndJmeterArePinnedToExactVersions() throws IOException {
        String bzt = dockerfile.args().get("BZT_VERSION");
        String jmeter = dockerfile.args().get("JMETER_VERSION");
        assertThat(bzt).matches(EXACT_VERSION);
        // the versions the tests with the real bzt run (the taurus kit of .ci/run; TaurusEngineRealBztTest checks bzt's)
        assertThat(bzt).isEqualTo("1.17.0");
        assertThat(jmeter).isEqualTo("5.6.3");
        assertThat(runs()).anySatisfy(run -> assertThat(run).contains("\"bzt==" + bzt + "\""));
        assertThat(runs()).anySatisfy(run -> assertThat(run).contains("bzt -install-tools")
                .contains("modules.jmeter.version=" + jmeter).contains("/jmeter-taurus/" + jmeter + "/bin/jmeter"));
        assertThat(dockerfile.env()).containsEntry(TaurusSettings.JMETER_HOME, "/home/dlt/.bzt/jmeter-taurus/" + jmeter);
        String bztRc = Files.readString(MODULE.resolve("docker/bzt-rc.yaml"));
        assertThat(bztRc).contains("version: " + jmeter).contains("detect-plugins: false");
    }

    @Test
    void jmeterPluginsThatTaurusUsesArePinnedToTheVersionsTheTestsUse() throws IOException {
        String bztRc = Files.readString(MODULE.resolve("docker/bzt-rc.yaml"));
        String pom = Files.readString(MODULE.resolve("pom.xml"));
        for (String plugin : List.of("jpgc-casutg", "jpgc-tst")) {
            Matcher version = Pattern.compile("<" + plugin + "\\.version>([^<]+)<").matcher(pom);
            assertThat(version.find()).as("%s.version in pom.xml", plugin).isTrue();
            assertThat(bztRc).contains("- " + plugin + "=" + version.group(1) + "\n");
        }
    }

    @Test
    void agentRunsAsTheNonRootUserThatOwnsTheArtifactsDir() {
        int userIndex = dockerfile.indexOfLast("USER");
        assertThat(userIndex).as("a USER instruction").isNotNegative().isLessThan(dockerfile.indexOfLast("ENTRYPOINT"));
        // numeric uid:gid: Kubernetes can only verify runAsNonRoot (restricted Pod Security profile) for a numeric USER
        String user = dockerfile.instructions().get(userIndex).arguments();
        assertThat(user).isEqualTo("1000:1000");
        assertThat(runs()).anySatisfy(run -> assertThat(run).containsPattern("useradd --uid 1000 --user-group .* dlt( |$)"));
        String artifacts = dockerfile.env().get(TaurusSettings.ARTIFACTS_DIR);
        assertThat(artifacts).isEqualTo("/tmp/artifacts");
        assertThat(runs()).anySatisfy(run -> assertThat(run).containsPattern("mkdir -p [^&]*" + Pattern.quote(artifacts))
                .contains("chown dlt:dlt " + artifacts));
    }

    /** Worker pods have a read-only root filesystem and an emptyDir at /tmp: whatever a run writes must go there. */
    @Test
    void runtimeWritesGoUnderTmp() {
        Map<String, String> env = dockerfile.env();
        assertThat(env.get(TaurusSettings.ARTIFACTS_DIR)).startsWith("/tmp/");
        assertThat(env.get("JVM_ARGS")).isEqualTo("\"-Djava.util.prefs.userRoot=/tmp/.java\"");
        assertThat(env).containsEntry("PYTHONDONTWRITEBYTECODE", "1");
        // bzt copies a default ~/.bzt-rc into HOME when there is none: the image ships one, so HOME is only read
        assertThat(env).containsEntry("HOME", "/home/dlt").doesNotContainKey(TaurusSettings.BZT_HOME);
        assertThat(dockerfile.all("COPY")).anySatisfy(copy -> assertThat(copy.arguments()).endsWith("docker/bzt-rc.yaml /home/dlt/.bzt-rc"));
    }

    @Test
    void entrypointRunsTheShadedAgentJarWithTheTaurusEngine() throws IOException {
        JsonNode entrypoint = new ObjectMapper().readTree(dockerfile.all("ENTRYPOINT").getFirst().arguments());
        assertThat(entrypoint.isArray()).as("exec form, so that java gets SIGTERM").isTrue();
        assertThat(entrypoint.get(0).asText()).isEqualTo("java");
        String jar = "/opt/dlt/agent.jar";
        assertThat(entrypoint.toString()).contains("\"-jar\",\"" + jar + "\"");
        // the shade plugin attaches <artifactId>-<version>-<classifier>.jar
        String pom = Files.readString(MODULE.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>dlt-load-tester</artifactId>").contains("<shadedClassifierName>all</shadedClassifierName>");
        assertThat(dockerfile.all("COPY")).anySatisfy(copy -> assertThat(copy.arguments()).endsWith("target/dlt-load-tester-*-all.jar " + jar));
        assertThat(Files.readString(MODULE.resolve(".dockerignore"))).contains("!target/dlt-load-tester-*-all.jar");

        Map<String, String> env = dockerfile.env();
        assertThat(env).containsEntry("DLT_ENGINE", "taurus");
        assertThat(env.get(TaurusSettings.BZT)).isEqualTo("/opt/dlt/bin/dlt-bzt");
        assertThat(dockerfile.all("COPY")).anySatisfy(copy -> assertThat(copy.arguments()).isEqualTo("docker/dlt-bzt " + env.get(TaurusSettings.BZT)));
        assertThat(MODULE.resolve("docker/dlt-bzt")).isExecutable();
    }

    @Test
    void exposesTheStartGatePort() {
        assertThat(dockerfile.all("EXPOSE")).extracting(Dockerfile.Instruction::arguments).containsExactly(String.valueOf(StartGate.DEFAULT_PORT));
        assertThat(StartGate.DEFAULT_PORT).isEqualTo(50000);
    }

    @Test
    void nothingIsDownloadedByAddOrAtRunTime() {
        assertThat(dockerfile.all("ADD")).allSatisfy(add -> assertThat(add.arguments()).doesNotContainPattern("https?://"));
        Matcher downloader = Pattern.compile("\\b(curl|wget)\\b").matcher(String.join("\n", runs()));
        assertThat(downloader.find()).as("downloads belong to pinned package managers").isFalse();
    }

    private static List<String> runs() {
        return dockerfile.all("RUN").stream().map(Dockerfile.Instruction::arguments).toList();
    }
}
