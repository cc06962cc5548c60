package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AWS stand-in (S3Proxy, DynamoDB Local) in a JVM of its own, which tests can stop and restart on
 * the same port with the same data, or freeze and thaw, as outages of the real service would be.
 */
public abstract class LocalServiceJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final URI endpoint;
    private final Path workDir;
    private final List<Path> classpath;
    private final String mainClass;
    private final List<String> jvmArgs;
    private final List<String> args;
    private final ClassDataArchives archives;
    private volatile ChildJvm jvm;
    private int starts;

    LocalServiceJvm(String name, URI endpoint, Path workDir, List<Path> classpath, String mainClass, List<String> jvmArgs,
                    List<String> args, ClassDataArchives archives) {
        this.name = name;
        this.endpoint = endpoint;
        this.workDir = workDir;
        this.classpath = List.copyOf(classpath);
        this.mainClass = mainClass;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.args = List.copyOf(args);
        this.archives = archives;
    }

    /** Starts the JVM and returns once the service answers HTTP (at most 60 s). */
    synchronized void launch() throws IOException {
        spawn();
        awaitReady();
    }

    /** Starts the JVM without waiting for it: {@link #awaitReady} does, so that other parts can start meanwhile. */
    synchronized void spawn() throws IOException {
        // each start logs to its own file, so the log of the run before a restart is kept
        String logName = starts++ == 0 ? name : name + "-" + starts;
        Optional<ClassDataArchives.Use> archive = archives.use(name, classpath);
        List<String> flags = new ArrayList<>(jvmArgs);
        archive.ifPresent(use -> flags.addAll(use.jvmFlags()));
        jvm = ChildJvm.start(logName, classpath, flags, mainClass, args, workDir);
        archive.ifPresent(jvm::afterExit);
    }

    /** Returns once the JVM started by {@link #spawn} answers HTTP (at most 60 s); otherwise stops it and throws. */
    public void awaitReady() {
        jvm.awaitHttp(endpoint, START_TIMEOUT);
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops the JVM (an outage: connections are refused); the data stays on disk. */
    public synchronized void stop() {
        ProcessSignals.thawQuietly(jvm.process());
        jvm.close();
    }

    /** Starts the service again on the same port with the same data, after {@link #stop}; returns once it answers. */
    public synchronized void restart() throws IOException {
        if (jvm.process().isAlive()) {
            throw new IllegalStateException(this + " is still running");
        }
        launch();
    }

    /** Freezes the JVM (SIGSTOP): connections are accepted by the kernel but nothing answers. */
    public void freeze() {
        ProcessSignals.freeze(jvm.process());
    }

    /** Thaws the JVM after {@link #freeze}. */
    public void thaw() {
        ProcessSignals.thaw(jvm.process());
    }

    /** Whether the JVM is running (it may be frozen). */
    public boolean running() {
        return jvm.process().isAlive();
    }

    /** The service's JVM. */
    public ProcessHandle process() {
        return jvm.process();
    }

    public Path logFile() {
        return jvm.logFile();
    }

    /** Stops the JVM and waits until it is gone; the data stays on disk. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " at " + endpoint + " (" + jvm + ")";
    }
}
