package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Free ports on, and readiness of, HTTP servers that the harness starts on the loopback interface. */
final class LoopbackHttp {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;

    private LoopbackHttp() {
    }

    /** A port that was free on the loopback address a moment ago (the child binds it later: a rare race). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code uri} with GET until any HTTP response arrives (even an error status: the server is up)
     * and returns true; returns false once {@code timeout} has passed or {@code stillAlive} turns false.
     */
    static boolean awaitAnswer(URI uri, Duration timeout, BooleanSupplier stillAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build()) {
            while (stillAlive.getAsBoolean() && System.nanoTime() < deadline) {
                try {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                    return true;
                } catch (IOException notYet) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
