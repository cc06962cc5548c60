package dev.dlt.results.taurus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a fixed number of bytes has been read, so a huge upload cannot exhaust memory. */
final class BoundedInputStream extends FilterInputStream {

    /** Unchecked so that it passes through the XML parser unwrapped. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded() {
            super("input limit exceeded", null, false, false);
        }
    }

    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        count += n;
        if (count > limit) {
            throw new LimitExceeded();
        }
    }
}
