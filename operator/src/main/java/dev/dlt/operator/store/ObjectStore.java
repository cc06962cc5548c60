package dev.dlt.operator.store;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The buckets of scenarios and results, as the operator uses them (a TestRegion may name its own bucket). */
public interface ObjectStore {

    void put(String bucket, String key, byte[] content, String contentType);

    /** The object's bytes, or empty when there is no such key. */
    Optional<byte[]> get(String bucket, String key);

    /** Keys under a prefix. */
    List<String> list(String bucket, String prefix);

    /** Keys under a prefix with their version tags (ETags), so a reader reads only what changed; the tag may be null. */
    default List<Entry> listEntries(String bucket, String prefix) {
        return list(bucket, prefix).stream().map(key -> new Entry(key, null)).toList();
    }

    /** An object's key and version tag (null when unknown: the object is then read every time). */
    record Entry(String key, String etag) {
    }

    /**
     * Opens an object to stream at most {@code maxBytes} of it: the size the store declares is checked
     * before any byte is read, and the bytes are counted while they stream. The caller closes the stream.
     *
     * @return empty when there is no such key
     * @throws TooLarge    (also from the stream's reads) when the object is bigger than {@code maxBytes}
     * @throws Unavailable when the store itself fails (also from the stream's reads), never for what the object holds
     */
    default Optional<InputStream> open(String bucket, String key, long maxBytes) throws TooLarge {
        Optional<byte[]> bytes;
        try {
            bytes = get(bucket, key);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        if (bytes.isPresent() && bytes.get().length > maxBytes) {
            throw new TooLarge(key, bytes.get().length, maxBytes);
        }
        return bytes.map(b -> new Limited(new ByteArrayInputStream(b), key, maxBytes, () -> { }));
    }

    /** An object bigger than the reader accepts: garbage from whoever wrote it, not a failure of the store. */
    final class TooLarge extends IOException {
        public TooLarge(String key, long size, long maxBytes) {
            super(key.substring(key.lastIndexOf('/') + 1) + " is " + (size < 0 ? "more than " + maxBytes : size)
                    + " bytes, more than the " + maxBytes + " accepted");
        }
    }

    /** The store did not answer as it should (connection refused, 5xx, timeout): worth retrying later. */
    final class Unavailable extends UncheckedIOException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    /**
     * Streams at most {@code maxBytes}, failing with {@link TooLarge} beyond; read failures of the
     * underlying stream become {@link Unavailable}, so no parser mistakes them for bad content.
     */
    final class Limited extends FilterInputStream {
        private final String key;
        private final long maxBytes;
        private final Runnable abort;
        private long count;

        /** @param abort drops the connection when the object turns out too big, instead of draining it on close */
        public Limited(InputStream in, String key, long maxBytes, Runnable abort) {
            super(in);
            this.key = key;
            this.maxBytes = maxBytes;
            this.abort = abort;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
            } catch (IOException e) {
                throw new Unavailable("reading " + key + " failed: " + e.getMessage(), e);
            }
            if (n > 0) {
                count += n;
                if (count > maxBytes) {
                    abort.run();
                    throw new TooLarge(key, -1, maxBytes);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
