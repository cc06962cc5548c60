package dev.dlt.localcloud.kube;

import dev.dlt.localcloud.aws.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent ({@code dev.dlt.agent.AgentMain}) in a JVM of its own with exactly the pod's environment,
 * as a container runs it: deleting the pod sends SIGTERM, then SIGKILL after the grace period, and
 * the process's exit code is the container's.
 */
final class ProcessContainer implements PodContainer {

    static final String MAIN_CLASS = "dev.dlt.agent.AgentMain";

    private final ChildJvm jvm;

    private ProcessContainer(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** Starts the agent; {@code jvmArgs} come after the container's usual ones (e.g. a hosts file). */
    static ProcessContainer start(String podName, Map<String, String> env, List<String> jvmArgs, Path logDir) throws IOException {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
        List<String> args = new java.util.ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        args.addAll(jvmArgs);
        return new ProcessContainer(ChildJvm.start(podName, classpath, args, MAIN_CLASS, List.of(), logDir, env));
    }

    @Override
    public int run() throws InterruptedException {
        return jvm.waitFor();
    }

    @Override
    public void terminate(Duration grace) {
        jvm.terminate(grace);
    }

    @Override
    public void kill() {
        jvm.kill();
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.of(jvm.process());
    }
}
