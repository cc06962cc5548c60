package dev.dlt.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The server the generators load: a given URL, or a {@link BenchServer} in its own pinned JVM or in-process. */
final class BenchTarget implements AutoCloseable {

    private final URI uri;
    private final String description;
    private final Process process;
    private final BenchServer inProcess;
    private final NginxServer nginx;

    private BenchTarget(URI uri, String description, Process process, BenchServer inProcess, NginxServer nginx) {
        this.uri = uri;
        this.description = description;
        this.process = process;
        this.inProcess = inProcess;
        this.nginx = nginx;
    }

    private BenchTarget(URI uri, String description, Process process, BenchServer inProcess) {
        this(uri, description, process, inProcess, null);
    }

    static BenchTarget of(BenchOptions options) throws IOException, InterruptedException {
        if (options.url() != null) {
            return new BenchTarget(options.url(), "given URL", null, null);
        }
        if (options.nginx()) {
            NginxServer server = NginxServer.start(options.serverCpus());
            return new BenchTarget(server.uri(), "nginx, 1 worker, static 13-byte file, CPUs "
                    + (options.serverCpus().isEmpty() ? "any" : options.serverCpus()), null, null, server);
        }
        if (options.serverCpus().isEmpty()) {
            BenchServer server = BenchServer.start();
            return new BenchTarget(server.uri(), "BenchServer in this JVM (not pinned)", null, server);
        }
        Process process = Processes.start(Processes.pinned(options.serverCpus(), Processes.java(BenchServer.class)));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("LISTENING ")) {
            process.destroyForcibly();
            throw new IOException("BenchServer did not start: " + line);
        }
        URI uri = URI.create("http://127.0.0.1:" + line.substring("LISTENING ".length()).trim() + "/");
        return new BenchTarget(uri, "BenchServer in its own JVM on CPUs " + options.serverCpus(), process, null);
    }

    URI uri() {
        return uri;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (inProcess != null) {
            inProcess.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        if (process != null) {
            process.getOutputStream().close(); // BenchServer.main exits when its stdin closes
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
