package dev.dlt.agent.engine.nativehttp;

import java.io.IOException;
import java.util.Arrays;

/**
 * A virtual user's keep-alive connection to one origin, opened on demand, with the read buffer the
 * response parser works in ({@code buf[pos..lim)} holds received, not yet consumed bytes).
 */
final class HttpConnection implements AutoCloseable {

    private static final int INITIAL_BUFFER_BYTES = 8 * 1024;

    private final Origin origin;
    private final int maxBufferBytes;
    private Transport transport;

    byte[] buf = new byte[INITIAL_BUFFER_BYTES];
    int pos;
    int lim;

    HttpConnection(Origin origin, int maxBufferBytes) {
        this.origin = origin;
        this.maxBufferBytes = maxBufferBytes;
    }

    boolean isOpen() {
        return transport != null;
    }

    void open(long deadlineNanos) throws IOException {
        close();
        transport = Transport.open(origin, deadlineNanos);
        pos = 0;
        lim = 0;
    }

    void send(byte[] request, long deadlineNanos) throws IOException {
        transport.write(request, deadlineNanos);
    }

    /**
     * Reads more bytes into {@code buf} after {@code lim}, compacting or growing it when full.
     *
     * @return the number of bytes read, or -1 at end of stream
     */
    int fill(long deadlineNanos) throws IOException {
        if (lim == buf.length) {
            makeRoom();
        }
        int n = transport.read(buf, lim, buf.length - lim, deadlineNanos);
        if (n > 0) {
            lim += n;
        }
        return n;
    }

    private void makeRoom() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        } else if (buf.length < maxBufferBytes) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxBufferBytes));
        } else {
            throw new IllegalStateException("read buffer full; the parser must bound what it buffers");
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
