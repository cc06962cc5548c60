package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.agent.engine.EngineOutput;
import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusConfig.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bzt and JMeter run as in a worker pod, whose root filesystem is read-only: HOME holds the
 * image's ~/.bzt-rc and, like the JMeter install, is only read; everything a run writes (artifacts, the
 * work dir, temporary files, JMeter's Java preferences) goes under one scratch folder, the pod's
 * emptyDir at /tmp. The image's environment (HOME, TMPDIR, JVM_ARGS) is set by a wrapper around bzt.
 */
class ReadOnlyRootRealBztTest {

    @TempDir
    Path tmp;

    @Test
    void aRunWritesOnlyUnderTheScratchFolder() throws Exception {
        RealBzt bzt = RealBzt.fromEnv();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(Path.of("docker", "bzt-rc.yaml"), home.resolve(".bzt-rc"));
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Path jmeter = bzt.imageLikeJmeterHome(tmp.resolve("jmeter"));
        Path wrapper = imageEnvironment(bzt, home, scratch);
        // no bztHome: bzt runs with the HOME of its environment, as in the image
        TaurusSettings settings = new TaurusSettings(wrapper.toString(), scratch.resolve("artifacts"), jmeter,
                Duration.ofMinutes(2), Duration.ofSeconds(20), null);

        try (RecordingTarget target = new RecordingTarget()) {
            TaurusEngine engine = new TaurusEngine(settings);
            engine.prepare(StandinBzt.input(new TaurusConfig(1, "0s", "2s", "2s",
                    List.of(new Request("home", target.url("/home"), "GET", Map.of(), null))), Map.of(), scratch.resolve("work")));
            Map<String, String> homeBefore = snapshot(home);
            Map<String, String> jmeterBefore = snapshot(jmeter);
            Map<String, String> jmeterInstallBefore = snapshot(bzt.plainJmeterHome());

            EngineOutput output = engine.run();

            assertThat(output.report().failure()).isNull();
            assertThat(output.samples()).isPositive().isEqualTo(target.seen().size());
            assertThat(snapshot(home)).as("HOME (read-only in the pod)").isEqualTo(homeBefore);
            assertThat(snapshot(jmeter)).as("the JMeter home (read-only in the pod)").isEqualTo(jmeterBefore);
            assertThat(snapshot(bzt.plainJmeterHome())).as("the JMeter install (read-only in the pod)").isEqualTo(jmeterInstallBefore);
            assertThat(engine.artifactsDir()).startsWith(scratch);
            assertThat(scratch.resolve(".java")).as("JMeter's preferences, through JVM_ARGS").isDirectory();
        }
    }

    /** A bzt that runs the real one with the worker image's environment (load-tester-image/Dockerfile), rooted in {@code scratch}. */
    private Path imageEnvironment(RealBzt bzt, Path home, Path scratch) throws IOException {
        Path temp = Files.createDirectories(scratch.resolve("tmp"));
        Path wrapper = tmp.resolve("bzt");
        Files.writeString(wrapper, "#!/bin/sh\n"
                + "export HOME='" + home + "' TMPDIR='" + temp + "' PYTHONDONTWRITEBYTECODE=1\n"
                // in the pod, Java's user.home is HOME (uid 1000's passwd entry) and java.io.tmpdir is /tmp, the emptyDir
                + "export JVM_ARGS='-Djava.util.prefs.userRoot=" + scratch.resolve(".java") + " -Duser.home=" + home
                + " -Djava.io.tmpdir=" + temp + "'\n"
                + "exec '" + bzt.executable() + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return wrapper;
    }

    /** Every file and folder under {@code root}, with its size and modification time (links not followed). */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                files.put(root.relativize(path).toString(), attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
            }
        }
        return files;
    }
}
