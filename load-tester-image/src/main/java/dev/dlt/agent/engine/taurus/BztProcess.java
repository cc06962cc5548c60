package dev.dlt.agent.engine.taurus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One bzt child process: started with its config, its output forwarded, stopped at the deadline or on
 * {@link #terminate()} (JMeter told to shut down, then SIGTERM to bzt), and killed with all its
 * descendants (JMeter) when it does not stop within the stop timeout.
 */
final class BztProcess {

    private static final Logger LOG = Logger.getLogger(BztProcess.class.getName());
    /** After bzt exits, how long its output may still take to drain. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /** How long bzt has to say it is shutting down before SIGTERM is sent again. */
    static final Duration RESEND = Duration.ofSeconds(2);
    /** How long JMeter has to end after each of Shutdown and StopTestNow before bzt gets SIGTERM. */
    static final Duration JMETER_STOP_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final BztOutput output;
    private final Thread pump;
    private final Duration stopTimeout;
    private final JmeterManagementPort jmeter;
    private final AtomicBoolean terminated = new AtomicBoolean();
    private final AtomicBoolean killed = new AtomicBoolean();
    private volatile List<ProcessHandle> familyAtStop = List.of();

    /** How bzt ended: its exit code, and whether the agent stopped or killed it. */
    record Exit(int code, boolean terminated, boolean killed, boolean deadlineReached, String tail) {
    }

    private BztProcess(Process process, Path logFile, Duration stopTimeout, JmeterManagementPort jmeter) {
        this.process = process;
        this.stopTimeout = stopTimeout;
        this.jmeter = jmeter;
        this.output = new BztOutput(process.getInputStream(), logFile);
        this.pump = Thread.ofPlatform().daemon().name("bzt-output-" + process.pid()).start(output);
    }

    /**
     * Starts bzt; with a {@code home}, bzt and JMeter keep their per-user files there, not in the agent's
     * HOME. {@code artifactsDir} is where JMeter announces its management port.
     */
    static BztProcess start(String bzt, Path config, Path workingDir, Path home, Path logFile, Duration stopTimeout,
                            Path artifactsDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(bzt, config.toString()))
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                // bzt reads a piped stdin as one more config file
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (home != null) {
            Map<String, String> env = builder.environment();
            env.put("HOME", Files.createDirectories(home).toString());
            String jvmArgs = env.getOrDefault("JVM_ARGS", "");
            env.put("JVM_ARGS", (jvmArgs.isBlank() ? "" : jvmArgs + " ") + "-Djava.util.prefs.userRoot=" + home.resolve(".java"));
        }
        try {
            Process process = builder.start();
            LOG.info(() -> "started bzt (pid " + process.pid() + ") with " + config + " in " + workingDir);
            return new BztProcess(process, logFile, stopTimeout, new JmeterManagementPort(artifactsDir));
        } catch (IOException e) {
            throw new IOException("cannot start bzt ('" + bzt + "', set " + TaurusSettings.BZT + "): " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits for bzt to end; at {@code deadline} it is stopped as by {@link #terminate()}. */
    Exit await(Duration deadline) throws InterruptedException {
        boolean deadlineReached = false;
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                deadlineReached = true;
                LOG.warning(() -> "bzt is still running " + deadline + " after it started; stopping it");
                terminate();
            }
            // the escalation in terminate() kills bzt if it ignores SIGTERM
            int code = process.waitFor();
            familyAtStop.stream().filter(ProcessHandle::isAlive).forEach(orphan -> {
                LOG.warning(() -> "killing process " + orphan.pid() + " that bzt left behind");
                orphan.destroyForcibly();
            });
            pump.join(DRAIN);
            return new Exit(code, terminated.get(), killed.get(), deadlineReached, output.tail());
        } catch (InterruptedException e) {
            kill();
            throw e;
        }
    }

    /**
     * Asks bzt to stop and returns at once. When JMeter announced its management port, JMeter is told
     * to shut down (then to stop now): bzt sees its test end, reads every sample and writes its results
     * as after a full run. Otherwise, or when that does not end bzt, SIGTERM (on which Taurus stops
     * JMeter and still writes its results, but may lose the samples it was merging at that instant);
     * bzt is killed with its descendants if it has not exited within the stop timeout.
     *
     * <p>Taurus turns SIGTERM into an exception in its main thread, which code that catches every
     * exception (its local monitor running netstat, for one) can swallow when the signal lands there:
     * until bzt says it is shutting down, SIGTERM is sent again every {@link #RESEND}.
     */
    void terminate() {
        if (!process.isAlive() || !terminated.compareAndSet(false, true)) {
            return;
        }
        familyAtStop = process.descendants().toList();
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        Thread.ofVirtual().name("bzt-stop-" + process.pid()).start(() -> {
            try {
                if (stopJmeter(deadline)) {
                    return;
                }
                signal(deadline);
            } catch (InterruptedException e) {
                kill();
            }
        });
    }

    /** True when bzt ended after JMeter was told to stop through its management port. */
    private boolean stopJmeter(long deadline) throws InterruptedException {
        OptionalInt port = jmeter.port();
        if (port.isEmpty()) {
            return false;
        }
        for (String command : List.of("Shutdown", "StopTestNow")) {
            long wait = Math.min(JMETER_STOP_WAIT.toNanos(), (deadline - System.nanoTime()) / 2);
            if (wait <= 0) {
                return false;
            }
            LOG.info(() -> "sending " + command + " to JMeter (port " + port.getAsInt() + ") of bzt (pid " + process.pid() + ")");
            if (!jmeter.send(port.getAsInt(), command)) {
                return false;
            }
            if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
        LOG.warning(() -> "bzt did not end after JMeter was told to stop; sending it SIGTERM");
        return false;
    }

    private void signal(long deadline) throws InterruptedException {
        LOG.info(() -> "sending SIGTERM to bzt (pid " + process.pid() + ")");
        // the ProcessHandle's, not Process.destroy(), which also closes the pipe bzt still writes its last words to
        process.toHandle().destroy();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.warning(() -> "bzt did not stop within " + stopTimeout + " of being asked to; killing it and its children");
                kill();
                return;
            }
            if (process.waitFor(Math.min(left, RESEND.toNanos()), TimeUnit.NANOSECONDS)) {
                return;
            }
            if (!output.shutdownStarted() && deadline - System.nanoTime() > 0) {
                LOG.info(() -> "bzt has not started shutting down; sending SIGTERM again");
                process.toHandle().destroy();
            }
        }
    }

    /** SIGKILL to bzt and every process it started: JMeter would otherwise outlive it. */
    void kill() {
        killed.set(true);
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
