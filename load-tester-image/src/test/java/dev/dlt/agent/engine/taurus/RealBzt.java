package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Taurus bzt and JMeter for tests, from the environment: {@value #BZT} (the bzt to run) and
 * {@value #JMETER_HOME} (the JMeter it drives). {@code .ci/run} sets both from the taurus kit and sets
 * {@value #REQUIRED}, which turns a missing bzt into a failure; elsewhere such tests are skipped with a
 * message saying how to provide one (README, "Engines"). JMeter gets the image's plugins
 * (target/jmeter-plugins, from Maven Central) in a home of the test's own.
 */
final class RealBzt {

    static final String BZT = "DLT_TEST_BZT";
    static final String JMETER_HOME = "DLT_TEST_JMETER_HOME";
    static final String REQUIRED = "DLT_TEST_REAL_BZT_REQUIRED";
    static final Path IMAGE_PLUGINS = Path.of("target", "jmeter-plugins");

    private final String bzt;
    private final Path jmeterHome;

    private RealBzt(String bzt, Path jmeterHome) {
        this.bzt = bzt;
        this.jmeterHome = jmeterHome;
    }

    /** The real bzt, or the test is skipped (failed when {@value #REQUIRED} is true) saying how to get one. */
    static RealBzt fromEnv() {
        Map<String, String> env = System.getenv();
        String bzt = env.getOrDefault(BZT, "");
        String home = env.getOrDefault(JMETER_HOME, "");
        String missing = bzt.isBlank() || home.isBlank() ? "not set"
                : !Files.isExecutable(Path.of(bzt)) ? bzt + " is not executable"
                : !Files.isRegularFile(Path.of(home, "bin", "ApacheJMeter.jar")) ? home + " is not a JMeter home" : null;
        if (missing != null) {
            String message = "this test needs the real Taurus bzt and JMeter: " + BZT + " and " + JMETER_HOME + " " + missing
                    + "; run .ci/run, or eval \"$(../shared/taurus-kit/setup.sh DIR)\" and export " + BZT + "=$TAURUS_KIT_BZT "
                    + JMETER_HOME + "=$TAURUS_KIT_JMETER_HOME, or use a pip-installed bzt (README, Engines)";
            if (Boolean.parseBoolean(env.get(REQUIRED))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new RealBzt(bzt, Path.of(home));
    }

    /** Settings that run this bzt with HOME in {@code tmp/home} and a JMeter home with the image's plugins. */
    TaurusSettings settings(Path tmp, Duration grace, Duration stopTimeout) throws IOException {
        return settings(tmp, imageLikeJmeterHome(tmp.resolve("jmeter")), grace, stopTimeout);
    }

    /** As {@link #settings(Path, Duration, Duration)}, with this JMeter home. */
    TaurusSettings settings(Path tmp, Path jmeter, Duration grace, Duration stopTimeout) {
        return new TaurusSettings(bzt, tmp.resolve("artifacts"), jmeter, grace, stopTimeout, tmp.resolve("home"));
    }

    /** As the worker image's JMeter: the plain one plus the plugins docker/bzt-rc.yaml installs. */
    Path imageLikeJmeterHome(Path target) throws IOException {
        return RunJmeterHome.create(jmeterHome, target, imagePlugins());
    }

    String executable() {
        return bzt;
    }

    Path plainJmeterHome() {
        return jmeterHome;
    }

    static List<Path> imagePlugins() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(IMAGE_PLUGINS)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.size() < 3) {
            throw new IOException(IMAGE_PLUGINS.toAbsolutePath() + " lacks the JMeter plugins Maven copies there: " + jars);
        }
        return jars;
    }

    static Path jar(String artifactId) throws IOException {
        return imagePlugins().stream().filter(j -> j.getFileName().toString().startsWith(artifactId + "-")).findFirst()
                .orElseThrow(() -> new IOException("no " + artifactId + " in " + IMAGE_PLUGINS));
    }
}
