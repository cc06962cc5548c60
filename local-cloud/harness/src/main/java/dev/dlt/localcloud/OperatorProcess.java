package dev.dlt.localcloud;

import dev.dlt.localcloud.aws.ChildJvm;
import dev.dlt.localcloud.aws.ClassDataArchives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The packaged operator ({@code operator/target/quarkus-app}) running in its own JVM, configured by system properties. */
public final class OperatorProcess implements AutoCloseable {

    static final String STARTED_LINE = "DLT operator started";
    private static final String ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    private final ChildJvm jvm;

    private OperatorProcess(ChildJvm jvm) {
        this.jvm = jvm;
    }

    public static OperatorProcess start(Path quarkusRunJar, Map<String, String> config, Path workDir, Duration timeout)
            throws IOException, InterruptedException {
        return start("operator", quarkusRunJar, config, workDir, timeout);
    }

    /** As {@link #start(Path, Map, Path, Duration)}, logging to {@code <workDir>/<name>.log}. */
    public static OperatorProcess start(String name, Path quarkusRunJar, Map<String, String> config, Path workDir, Duration timeout)
            throws IOException, InterruptedException {
        OperatorProcess operator = spawn(name, quarkusRunJar, config, workDir, ClassDataArchives.none());
        operator.awaitStarted(timeout);
        return operator;
    }

    /**
     * Starts the operator's JVM (mapping or writing its class-data archive in {@code archives}) and returns
     * at once; {@link #awaitStarted} waits until the operator says it started.
     */
    public static OperatorProcess spawn(String name, Path quarkusRunJar, Map<String, String> config, Path workDir,
                                        ClassDataArchives archives) throws IOException {
        if (!Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalStateException(quarkusRunJar + " not found: build the operator first (mvn install -DskipTests)");
        }
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        // one archive for every operator process of this jar, whatever it is called (replica, restart)
        Optional<ClassDataArchives.Use> archive = archives.use("operator", List.of(quarkusRunJar));
        archive.ifPresent(use -> jvmArgs.addAll(use.jvmFlags()));
        config.forEach((key, value) -> jvmArgs.add("-D" + key + "=" + value));
        ChildJvm jvm = ChildJvm.start(name, List.of(quarkusRunJar.toAbsolutePath()), jvmArgs, ENTRY_POINT, List.of(), workDir);
        archive.ifPresent(jvm::afterExit);
        return new OperatorProcess(jvm);
    }

    /** Returns once the operator logged that it started; throws (and stops it) if it exits or takes longer than {@code timeout}. */
    public void awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.process().isAlive()) {
                throw new IllegalStateException("operator exited during start-up; last lines of " + jvm.logFile() + ":\n" + jvm.logTail(40));
            }
            if (log().contains(STARTED_LINE)) {
                return;
            }
            Thread.sleep(50);
        }
        String tail = jvm.logTail(40);
        jvm.close();
        throw new IllegalStateException("operator not started within " + timeout + "; last lines:\n" + tail);
    }

    public String log() {
        try {
            return Files.readString(jvm.logFile(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    public Path logFile() {
        return jvm.logFile();
    }

    public boolean alive() {
        return jvm.process().isAlive();
    }

    /** Kills the operator with SIGKILL (no shutdown hooks, nothing finished) and waits until it is gone. */
    public void kill() {
        jvm.kill();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
