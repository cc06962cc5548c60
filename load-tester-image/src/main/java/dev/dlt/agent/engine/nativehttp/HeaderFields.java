package dev.dlt.agent.engine.nativehttp;

import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * What one response head says about framing and connection reuse, parsed straight from the bytes
 * of the read buffer (header names compared case-insensitively, no Strings created).
 */
final class HeaderFields {

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");
    private static final byte[] HTTP_1 = ascii("HTTP/1.");

    boolean http10;
    long contentLength;
    boolean transferEncoding;
    boolean chunked;
    boolean close;
    boolean keepAlive;

    void reset() {
        http10 = false;
        contentLength = -1;
        transferEncoding = false;
        chunked = false;
        close = false;
        keepAlive = false;
    }

    /** Parses "HTTP/1.x NNN reason" in {@code b[from..to)} and returns the status code. */
    int parseStatusLine(byte[] b, int from, int to) throws ProtocolException {
        if (to - from < 12 || !regionMatches(b, from, HTTP_1, false) || b[from + 8] != ' '
                || (to - from > 12 && b[from + 12] != ' ')) {
            throw new ProtocolException("malformed status line");
        }
        http10 = b[from + 7] == '0';
        int status = 0;
        for (int i = from + 9; i < from + 12; i++) {
            status = status * 10 + digit(b[i], "status code");
        }
        return status;
    }

    /** Parses one "name: value" field in {@code b[from..to)}, remembering the ones that matter. */
    void parseField(byte[] b, int from, int to) throws ProtocolException {
        int colon = from;
        while (colon < to && b[colon] != ':') {
            colon++;
        }
        if (colon == to || colon == from) {
            throw new ProtocolException("malformed header field");
        }
        int start = colon + 1;
        int end = to;
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        int nameLength = colon - from;
        if (nameLength == CONTENT_LENGTH.length && regionMatches(b, from, CONTENT_LENGTH, true)) {
            long length = parseContentLength(b, start, end);
            if (contentLength >= 0 && contentLength != length) {
                throw new ProtocolException("conflicting Content-Length headers");
            }
            contentLength = length;
        } else if (nameLength == TRANSFER_ENCODING.length && regionMatches(b, from, TRANSFER_ENCODING, true)) {
            transferEncoding = true;
            // chunked must be the final coding; only then does it frame the body
            chunked = end - start >= CHUNKED.length && regionMatches(b, end - CHUNKED.length, CHUNKED, true)
                    && (end - start == CHUNKED.length || isSeparator(b[end - CHUNKED.length - 1]));
        } else if (nameLength == CONNECTION.length && regionMatches(b, from, CONNECTION, true)) {
            parseConnectionTokens(b, start, end);
        }
    }

    private void parseConnectionTokens(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && isSeparator(b[i])) {
                i++;
            }
            int tokenStart = i;
            while (i < to && !isSeparator(b[i])) {
                i++;
            }
            int length = i - tokenStart;
            close |= length == CLOSE.length && regionMatches(b, tokenStart, CLOSE, true);
            keepAlive |= length == KEEP_ALIVE.length && regionMatches(b, tokenStart, KEEP_ALIVE, true);
        }
    }

    static long parseChunkSize(byte[] b, int from, int to) throws ProtocolException {
        long size = 0;
        int i = from;
        for (; i < to && b[i] != ';' && b[i] != ' ' && b[i] != '\t'; i++) {
            int c = b[i] | 0x20;
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0 || size > (Long.MAX_VALUE >> 4)) {
                throw new ProtocolException("malformed chunk size");
            }
            size = (size << 4) | digit;
        }
        if (i == from) {
            throw new ProtocolException("missing chunk size");
        }
        return size;
    }

    private static long parseContentLength(byte[] b, int from, int to) throws ProtocolException {
        if (from == to || to - from > 18) {
            throw new ProtocolException("malformed Content-Length");
        }
        long length = 0;
        for (int i = from; i < to; i++) {
            length = length * 10 + digit(b[i], "Content-Length");
        }
        return length;
    }

    private static int digit(byte c, String what) throws ProtocolException {
        if (c < '0' || c > '9') {
            throw new ProtocolException("malformed " + what);
        }
        return c - '0';
    }

    private static boolean isSeparator(byte c) {
        return c == ',' || c == ' ' || c == '\t';
    }

    /** Compares b[from..] with an expected lower-case ASCII word; ASCII letters only fold case. */
    private static boolean regionMatches(byte[] b, int from, byte[] expected, boolean ignoreCase) {
        for (int i = 0; i < expected.length; i++) {
            int c = b[from + i];
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
