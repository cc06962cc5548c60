package dev.dlt.localcloud.target;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The HTTP/1.1 server that load tests hit locally, answering with a configurable latency mix, error rate and body size. */
public final class TargetServer implements AutoCloseable {

    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong sequence = new AtomicLong();
    private final TargetCounters counters = new TargetCounters();
    private volatile Answer answer;
    private volatile Stall stall;

    private TargetServer(HttpServer server, ExecutorService executor, TargetConfig config) {
        this.server = server;
        this.executor = executor;
        this.answer = new Answer(config);
    }

    /** Starts on {@code address} (loopback only) and {@code port} (0 for a free one). */
    public static TargetServer start(InetAddress address, int port, TargetConfig config) throws IOException {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the target server only listens on loopback addresses, not " + address);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), BACKLOG);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        TargetServer target = new TargetServer(http, executor, config);
        http.createContext("/", target::handle);
        http.setExecutor(executor);
        http.start();
        return target;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static TargetServer start(TargetConfig config) throws IOException {
        return start(InetAddress.getLoopbackAddress(), 0, config);
    }

    /** E.g. {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        InetSocketAddress bound = server.getAddress();
        try {
            return new URI("http", null, bound.getAddress().getHostAddress(), bound.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public TargetConfig config() {
        return answer.config;
    }

    /** Applies {@code config} to the requests that arrive from now on. */
    public void reconfigure(TargetConfig config) {
        answer = new Answer(config);
    }

    /**
     * From now on, stalls for {@code length} at the end of every {@code period}: a request that
     * arrives during a stall is answered only after it (plus its latency), like a server in a GC
     * pause. A period of zero ends the stalls.
     */
    public void stallEvery(Duration period, Duration length) {
        stall = period.isZero() ? null : new Stall(System.nanoTime(), period.toNanos(), length.toNanos());
    }

    public TargetCounters counters() {
        return counters;
    }

    /** Zeroes the counters and restarts the request sequence, so the next request is number 0 again. */
    public void reset() {
        counters.reset();
        sequence.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer current = answer;
            RequestMatch match = current.config.match();
            long bodyBytes;
            boolean matched = false;
            if (match == null) {
                bodyBytes = discard(exchange.getRequestBody());
            } else {
                // one byte more than the expected body tells a longer body apart without holding all of it
                try (InputStream body = exchange.getRequestBody()) {
                    byte[] head = body.readNBytes(match.body().length + 1);
                    bodyBytes = head.length + body.transferTo(OutputStream.nullOutputStream());
                    matched = match.matches(exchange.getRequestHeaders().get(match.header()), head);
                }
            }
            long n = sequence.getAndIncrement();
            boolean error = current.config.isError(n);
            // counted before answering, so a client that has its response also sees it in the counts
            String path = Objects.requireNonNullElse(exchange.getRequestURI().getRawPath(), "*");
            counters.record(exchange.getRequestMethod(), path, bodyBytes, error, matched);
            Stall stalled = stall;
            if (stalled != null) {
                Thread.sleep(Duration.ofNanos(stalled.remaining(System.nanoTime())));
            }
            Thread.sleep(current.config.latencyOf(n));
            int length = current.body.length;
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (head) {
                // the JDK server sends no body for HEAD and so leaves out the length a GET would have
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(length));
            }
            exchange.sendResponseHeaders(error ? 500 : 200, head || length == 0 ? -1 : length);
            if (!head && length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(current.body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long discard(InputStream body) throws IOException {
        try (body) {
            return body.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Stops listening, closes the connections and ends requests still waiting out their latency. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TargetServer at " + baseUri() + " " + answer.config;
    }

    /** Stalls in [origin + k·period - length, origin + k·period) for every k >= 1. */
    record Stall(long originNanos, long periodNanos, long lengthNanos) {
        long remaining(long now) {
            long intoPeriod = Math.floorMod(now - originNanos, periodNanos);
            long stallStart = periodNanos - lengthNanos;
            return intoPeriod >= stallStart ? periodNanos - intoPeriod : 0;
        }
    }

    // The body is built once per config, not per request: every response shares the same bytes.
    private record Answer(TargetConfig config, byte[] body) {
        Answer(TargetConfig config) {
            this(config, filled(config.bodySize()));
        }

        private static byte[] filled(int size) {
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) 'x');
            return body;
        }
    }
}
