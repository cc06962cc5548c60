package dev.dlt.bench.operator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One start of the packaged operator ({@code java <jvm options> -jar quarkus-run.jar}) with its
 * configuration as system properties: measures start → {@code /q/health/ready} answering 200 and
 * reads the process's resident memory from /proc.
 */
final class OperatorLaunch implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final Process process;
    private final URI ready;
    private final long startNanos;

    private OperatorLaunch(Process process, URI ready, long startNanos) {
        this.process = process;
        this.ready = ready;
        this.startNanos = startNanos;
    }

    static OperatorLaunch start(Path quarkusRunJar, List<String> jvmOptions, Map<String, String> config, Path log)
            throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        // from its own directory, as Quarkus' AppCDS archive expects
        command.addAll(List.of("-jar", quarkusRunJar.getFileName().toString()));
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(quarkusRunJar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new OperatorLaunch(process, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), start);
    }

    /** Milliseconds from the process start until the readiness endpoint first answered 200. */
    long awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the operator exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startNanos) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IOException("the operator was not ready within " + timeout);
    }

    /** Resident set size now (VmRSS) in MiB. */
    double rssMib() throws IOException {
        return statusKib("VmRSS:") / 1024.0;
    }

    /** The highest resident set size so far (VmHWM) in MiB. */
    double peakRssMib() throws IOException {
        return statusKib("VmHWM:") / 1024.0;
    }

    private long statusKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(field + " not in /proc/" + process.pid() + "/status");
    }

    /** {@code jcmd <pid> VM.native_memory summary}; the process needs -XX:NativeMemoryTracking=summary. */
    String nativeMemorySummary() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Threads of the process now. */
    int threads() throws IOException {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            return (int) tasks.count();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
