package dev.dlt.agent.engine.nativehttp;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;

/**
 * Reads one HTTP/1.x response off a connection without allocating: status line, the few headers
 * that matter for framing, then a body framed by Content-Length, chunked coding or end of stream.
 * The body is counted and discarded. Results are left in the fields for the caller to read.
 */
final class ResponseParser {

    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final HeaderFields head = new HeaderFields();
    private HttpConnection conn;
    private long deadline;

    int status;
    long bytes;
    long firstByteNanos;
    boolean reusable;

    void read(HttpConnection connection, boolean headRequest, long deadlineNanos) throws IOException {
        conn = connection;
        deadline = deadlineNanos;
        bytes = 0;
        firstByteNanos = 0;
        reusable = false;
        try {
            do {
                readHead();
            } while (status >= 100 && status < 200 && status != 101); // interim responses precede the real one
            boolean keepAlive = !head.close && (!head.http10 || head.keepAlive) && status != 101;
            if (headRequest || status == 204 || status == 304 || status == 101) {
                reusable = keepAlive;
            } else if (head.transferEncoding) {
                if (head.chunked) {
                    readChunked();
                    reusable = keepAlive && head.contentLength < 0;
                } else {
                    drainToEof();
                }
            } else if (head.contentLength >= 0) {
                skip(head.contentLength);
                reusable = keepAlive;
            } else {
                drainToEof();
            }
            // we never pipeline, so anything left over means the framing went wrong
            reusable &= conn.pos == conn.lim;
        } finally {
            conn = null;
        }
    }

    private void readHead() throws IOException {
        head.reset();
        int budget = MAX_HEADER_BYTES;
        int end = lineEnd(budget);
        budget -= end + 1 - conn.pos;
        status = head.parseStatusLine(conn.buf, conn.pos, contentEnd(end));
        conn.pos = end + 1;
        while (true) {
            end = lineEnd(budget);
            budget -= end + 1 - conn.pos;
            int contentEnd = contentEnd(end);
            if (contentEnd == conn.pos) {
                conn.pos = end + 1;
                return;
            }
            head.parseField(conn.buf, conn.pos, contentEnd);
            conn.pos = end + 1;
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            int end = lineEnd(MAX_HEADER_BYTES);
            long size = HeaderFields.parseChunkSize(conn.buf, conn.pos, contentEnd(end));
            conn.pos = end + 1;
            if (size == 0) {
                break;
            }
            skip(size);
            end = lineEnd(MAX_HEADER_BYTES);
            if (contentEnd(end) != conn.pos) {
                throw new ProtocolException("chunk data not followed by CRLF");
            }
            conn.pos = end + 1;
        }
        int budget = MAX_HEADER_BYTES;
        while (true) { // trailer fields, ignored
            int end = lineEnd(budget);
            budget -= end + 1 - conn.pos;
            boolean last = contentEnd(end) == conn.pos;
            conn.pos = end + 1;
            if (last) {
                return;
            }
        }
    }

    /** Index of the next '\n' at or after pos, reading as needed; at most {@code budget} bytes ahead. */
    private int lineEnd(int budget) throws IOException {
        int from = conn.pos;
        while (true) {
            byte[] b = conn.buf;
            int limit = Math.min(conn.lim, conn.pos + budget);
            for (int i = from; i < limit; i++) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            int scanned = conn.lim - conn.pos;
            if (scanned >= budget) {
                throw new HeaderTooLargeException(MAX_HEADER_BYTES);
            }
            fill();
            from = conn.pos + scanned;
        }
    }

    private int contentEnd(int lineEnd) {
        return lineEnd > conn.pos && conn.buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            int available = conn.lim - conn.pos;
            if (available == 0) {
                conn.pos = 0;
                conn.lim = 0;
                fill();
                continue;
            }
            int k = (int) Math.min(available, n);
            conn.pos += k;
            n -= k;
        }
    }

    private void drainToEof() throws IOException {
        do {
            conn.pos = 0;
            conn.lim = 0;
        } while (read() >= 0);
    }

    private void fill() throws IOException {
        if (read() < 0) {
            throw new EOFException("connection closed before the response was complete");
        }
    }

    private int read() throws IOException {
        int n = conn.fill(deadline);
        if (n > 0) {
            if (bytes == 0) {
                firstByteNanos = System.nanoTime();
            }
            bytes += n;
        }
        return n;
    }
}
