package dev.dlt.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx (one worker process, no access log) serving a 13-byte static file on 127.0.0.1, started in
 * the foreground from a temporary prefix directory: a target cheaper than any generator, so the
 * generator is what is measured.
 */
final class NginxServer implements AutoCloseable {

    private static final String CONFIG = """
            worker_processes 1;
            daemon off;
            pid %1$s/nginx.pid;
            error_log %1$s/error.log;
            events { worker_connections 4096; }
            http {
              access_log off;
              keepalive_requests 1000000;
              keepalive_timeout 75s;
              client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
              uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
              server { listen 127.0.0.1:%2$d; root %1$s/html; location / { } }
            }
            """;

    private final Process process;
    private final Path prefix;
    private final URI uri;

    private NginxServer(Process process, Path prefix, URI uri) {
        this.process = process;
        this.prefix = prefix;
        this.uri = uri;
    }

    static boolean available() {
        return Processes.onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    static NginxServer start(String cpus) throws IOException, InterruptedException {
        Path prefix = Files.createTempDirectory("dlt-bench-nginx");
        Files.createDirectories(prefix.resolve("html"));
        Files.createDirectories(prefix.resolve("tmp"));
        Files.writeString(prefix.resolve("html/hello.txt"), "Hello, World!");
        // started as root, nginx's worker runs as nobody: it must be able to read the file
        for (Path path : List.of(prefix, prefix.resolve("html"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(prefix.resolve("html/hello.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path config = prefix.resolve("nginx.conf");
        Files.writeString(config, CONFIG.formatted(prefix, port));
        String nginx = Processes.onPath("nginx") ? "nginx" : "/usr/sbin/nginx";
        Process process = new ProcessBuilder(Processes.pinned(cpus, List.of(nginx, "-p", prefix.toString(), "-c", config.toString())))
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        NginxServer server = new NginxServer(process, prefix, URI.create("http://127.0.0.1:" + port + "/hello.txt"));
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return server;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IOException("nginx did not start; see " + prefix.resolve("error.log"));
    }

    URI uri() {
        return uri;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy(); // SIGTERM: nginx's master stops its worker and exits
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(prefix)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
