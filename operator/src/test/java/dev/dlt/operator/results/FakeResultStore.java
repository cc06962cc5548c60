package dev.dlt.operator.results;

import dev.dlt.operator.store.ObjectStore;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bucket in memory that counts the objects opened, can hold huge objects without allocating them
 * (their bytes are generated while streaming, their declared size may lie), and can fail like S3 does.
 */
final class FakeResultStore implements ObjectStore {

    private record Stored(long declaredSize, Supplier<InputStream> content) {
    }

    private final Map<String, Stored> objects = new ConcurrentSkipListMap<>();
    final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    volatile RuntimeException failure;
    /** Keys whose opens fail as S3 does (503) while the rest of the store answers; null when none do. */
    volatile java.util.function.Predicate<String> failingKeys;

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        objects.put(bucket + "/" + key, new Stored(content.length, () -> new java.io.ByteArrayInputStream(content)));
    }

    /** An object of {@code actualSize} bytes (a head, then filler) whose metadata says {@code declaredSize}. */
    void putGenerated(String bucket, String key, byte[] head, long declaredSize, long actualSize) {
        objects.put(bucket + "/" + key, new Stored(declaredSize, () -> new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= actualSize) {
                    return -1;
                }
                return position < head.length ? head[(int) position++] : fill(position++);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= actualSize) {
                    return -1;
                }
                int n = (int) Math.min(len, actualSize - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }

            private int fill(long at) {
                return 'a';
            }
        }));
    }

    /** An object whose connection breaks after its head, as a reset connection does. */
    void putBroken(String bucket, String key, byte[] head) {
        objects.put(bucket + "/" + key, new Stored(head.length + 1000, () -> new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(head), new InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("connection reset");
                    }
                })));
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        throw new UnsupportedOperationException("results are streamed, never read whole");
    }

    @Override
    public Optional<InputStream> open(String bucket, String key, long maxBytes) throws TooLarge {
        RuntimeException failing = failure;
        if (failing != null) {
            throw new Unavailable("S3 says: " + failing.getMessage(), failing);
        }
        java.util.function.Predicate<String> failingKey = failingKeys;
        if (failingKey != null && failingKey.test(key)) {
            throw new Unavailable("S3 says: 503 Slow Down for " + key, new IllegalStateException("503 Slow Down"));
        }
        opens.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Stored stored = objects.get(bucket + "/" + key);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.declaredSize() > maxBytes) {
            throw new TooLarge(key, stored.declaredSize(), maxBytes);
        }
        return Optional.of(new Limited(stored.content().get(), key, maxBytes, () -> { }));
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        RuntimeException failing = failure;
        if (failing != null) {
            throw failing;
        }
        return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/" + prefix)).map(k -> k.substring(bucket.length() + 1)).toList();
    }

    int totalOpens() {
        return opens.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
