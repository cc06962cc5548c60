package dev.dlt.agent.engine.nativehttp;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Sends one prepared request on a user's connection and times it as JMeter does: connect time
 * (0 on a reused connection), latency to the first response byte and response time to the last,
 * both counted from before the connect. Reused by its virtual user for every request.
 */
final class HttpExchange {

    private final ResponseParser parser = new ResponseParser();
    private final long timeoutNanos;
    private long startNanos;

    long connectNanos;
    long latencyNanos;
    long elapsedNanos;

    HttpExchange(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    int status() {
        return parser.status;
    }

    long bytes() {
        return parser.bytes;
    }

    /**
     * Runs the exchange. On an IOException the connection is closed and the timing fields describe
     * the failed attempt.
     */
    void execute(PreparedRequest request, HttpConnection connection) throws IOException {
        boolean reused = connection.isOpen();
        try {
            attempt(request, connection);
        } catch (IOException first) {
            connection.close();
            // a kept-alive connection the server closed while idle fails before any response byte:
            // that says nothing about the target, so try once more on a fresh connection
            boolean staleConnection = reused && parser.bytes == 0 && !(first instanceof SocketTimeoutException);
            if (!staleConnection || Thread.currentThread().isInterrupted()) {
                timeFailure();
                throw first;
            }
            try {
                attempt(request, connection);
            } catch (IOException second) {
                connection.close();
                timeFailure();
                throw second;
            }
        }
        if (!parser.reusable) {
            connection.close();
        }
    }

    private void attempt(PreparedRequest request, HttpConnection connection) throws IOException {
        startNanos = System.nanoTime();
        long deadline = startNanos + timeoutNanos;
        connectNanos = 0;
        parser.bytes = 0;
        if (!connection.isOpen()) {
            connection.open(deadline);
            connectNanos = System.nanoTime() - startNanos;
        }
        connection.send(request.bytes(), deadline);
        parser.read(connection, request.head(), deadline);
        elapsedNanos = System.nanoTime() - startNanos;
        latencyNanos = parser.firstByteNanos - startNanos;
    }

    private void timeFailure() {
        elapsedNanos = System.nanoTime() - startNanos;
        latencyNanos = parser.bytes > 0 ? parser.firstByteNanos - startNanos : 0;
    }
}
