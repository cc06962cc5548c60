package dev.dlt.bench.suite;

import dev.dlt.bench.Processes;
import dev.dlt.bench.ResultLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark of the suite: a main class run as its own JVM with the benchmark class path, stopped
 * at its time bound; what counts is the last {@code RESULT} line it printed.
 */
record BenchCommand(String name, String mainClass, List<String> args, Duration timeout) {

    /** The command as a reader can run it, with {@code $CP} standing for the benchmark class path. */
    String display() {
        return String.join(" ", List.of("java", "-cp", "\"$CP\"", mainClass)) + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    boolean available() {
        try {
            Class.forName(mainClass, false, BenchCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    Outcome run(Path root) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Processes.classPath(), "-Ddlt.root=" + root, mainClass));
        command.addAll(args);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.startsWith("WARNING: ")) { // the JDK's Unsafe deprecation notices of dependencies
                        System.out.println("  | " + line);
                    }
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process was stopped
            }
        });
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        reader.join(5000);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        return new Outcome(finished ? process.exitValue() : -1, !finished, (System.nanoTime() - start) / 1e9,
                ResultLine.parseLast(text));
    }

    /** How a benchmark ended: its exit code, whether the suite stopped it, its wall time and its last RESULT values. */
    record Outcome(int exitCode, boolean timedOut, double seconds, Map<String, String> result) {

        String status() {
            if (timedOut) {
                return "stopped after the suite's time bound";
            }
            return exitCode == 0 ? "ok" : "exit " + exitCode;
        }
    }
}
