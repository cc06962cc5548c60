package dev.dlt.localcloud.aws;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A Java program (typically a server) running in a child JVM, logging to a file, stopped by {@link #close()}. */
public final class ChildJvm implements AutoCloseable {

    private static final Set<ChildJvm> LIVE = ConcurrentHashMap.newKeySet();
    private static final long STOP_GRACE_SECONDS = 10;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LIVE.forEach(child -> child.process.destroy());
            LIVE.forEach(ChildJvm::close);
        }, "child-jvm-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code mainClass} in a new JVM of this JVM's {@code java.home}, in {@code workDir} and logging
     * stdout and stderr to {@code <workDir>/<name>.log}. A shutdown hook stops the child when this JVM exits,
     * and the child exits by itself if this JVM dies without running its hooks (see {@link ParentWatchdog}).
     */
    public static ChildJvm start(String name, List<Path> classpath, List<String> jvmArgs, String mainClass,
                                 List<String> args, Path workDir) throws IOException {
        return start(name, classpath, jvmArgs, mainClass, args, workDir, null);
    }

    /** As {@link #start(String, List, List, String, List, Path)}, with exactly {@code environment} (not this JVM's) when not null. */
    public static ChildJvm start(String name, List<Path> classpath, List<String> jvmArgs, String mainClass,
                                 List<String> args, Path workDir, java.util.Map<String, String> environment) throws IOException {
        Path dir = Files.createDirectories(workDir).toAbsolutePath();
        List<Path> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.add(ParentWatchdog.jar());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 24) {
            // Netty, Vert.x, Jetty, sqlite4java... use sun.misc.Unsafe; since JDK 24 each use prints a warning
            // unless allowed (JEP 498); the flag does not exist before 23
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, fullClasspath.stream().map(Path::toString).toList()));
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(args);
        Path logFile = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        ChildJvm child = new ChildJvm(name, process, logFile);
        LIVE.add(child);
        return child;
    }

    /** Lets {@code archive} publish or drop what this child did with it, once the child has exited (however it ends). */
    public ChildJvm afterExit(ClassDataArchives.Use archive) {
        process.onExit().thenAccept(exited -> archive.afterExit(exited.exitValue(), logFile));
        return this;
    }

    /** Reads a classpath recorded by a {@code *-runtime} module, e.g. {@code dlt-runtime/s3proxy.classpath}. */
    public static List<Path> classpathResource(String resource) {
        try (InputStream in = ChildJvm.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " not found: is its runtime module a dependency?");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the child answers HTTP on {@code uri}; on failure closes it and throws with the end of its log. */
    public void awaitHttp(URI uri, Duration timeout) {
        try {
            if (!LoopbackHttp.awaitAnswer(uri, timeout, process::isAlive)) {
                String why = process.isAlive()
                        ? "did not answer on " + uri + " within " + timeout
                        : "exited with code " + process.exitValue() + " before answering on " + uri;
                throw new IllegalStateException(name + " " + why + "; last lines of " + logFile + ":\n" + logTail(40));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The child process, e.g. to check that it is gone after {@link #close()}. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the child's log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits for the child to exit and returns its exit code. */
    public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        LIVE.remove(this);
        return code;
    }

    /** As SIGTERM then, after {@code grace}, SIGKILL: what a kubelet does to a deleted pod's container. */
    public void terminate(java.time.Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    /** Kills the child at once (SIGKILL, as a crash or the OOM killer would) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    /** Stops the child and its descendants: politely first, forcibly after a grace period; waits until they are gone. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                descendant.destroyForcibly();
                descendant.onExit().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a descendant that will not die is beyond our reach; the child itself is gone
        }
        LIVE.remove(this);
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + "]";
    }
}
