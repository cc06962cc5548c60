package dev.dlt.agent.engine.nativehttp;

import java.io.IOException;
import java.net.SocketTimeoutException;

/** The byte stream under one HTTP connection, plain TCP or TLS, with every wait bounded by a deadline. */
interface Transport extends AutoCloseable {

    /** Connects to the origin (and for https completes the TLS handshake) before the deadline. */
    static Transport open(Origin origin, long deadlineNanos) throws IOException {
        return origin.tls() ? TlsTransport.open(origin, deadlineNanos) : ChannelTransport.open(origin, deadlineNanos);
    }

    /** Writes all of {@code bytes}. */
    void write(byte[] bytes, long deadlineNanos) throws IOException;

    /**
     * Reads at least one byte into {@code b[off..off+len)}, waiting until the deadline at most.
     *
     * @return the number of bytes read, or -1 at end of stream
     * @throws SocketTimeoutException when the deadline passes first
     */
    int read(byte[] b, int off, int len, long deadlineNanos) throws IOException;

    @Override
    void close();

    /** Time left until the deadline as a socket timeout: at least 1 ms, since 0 would mean "wait forever". */
    static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("request timeout elapsed");
        }
        return (int) Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000);
    }
}
