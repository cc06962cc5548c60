package dev.dlt.agent;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory bucket whose writes fail for a while: the first N puts, for some time after the first
 * put, or for ever. It records every put attempt with its bytes.
 */
final class FlakyStore implements ResultStore {

    record Put(String key, byte[] content, boolean stored) {
    }

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile long failForMs;
    private volatile long firstPutNanos = -1;
    private volatile boolean down;

    FlakyStore failFirst(int count) {
        failuresLeft.set(count);
        return this;
    }

    FlakyStore failFor(long ms) {
        failForMs = ms;
        return this;
    }

    FlakyStore down() {
        down = true;
        return this;
    }

    FlakyStore with(String key, byte[] content) {
        objects.put(key, content);
        return this;
    }

    List<Put> puts() {
        return List.copyOf(puts);
    }

    List<Put> stored() {
        return puts.stream().filter(Put::stored).toList();
    }

    long failedPuts() {
        return puts.stream().filter(p -> !p.stored()).count();
    }

    @Override
    public byte[] get(String key) throws IOException {
        return find(key).orElseThrow(() -> new IOException(key + " does not exist"));
    }

    @Override
    public Optional<byte[]> find(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public synchronized void put(String key, byte[] content, String contentType) throws IOException {
        if (firstPutNanos < 0) {
            firstPutNanos = System.nanoTime();
        }
        boolean failing = down || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || System.nanoTime() - firstPutNanos < failForMs * 1_000_000;
        puts.add(new Put(key, content.clone(), !failing));
        if (failing) {
            throw new IOException("cannot write s3://bucket/" + key + ": Unable to execute HTTP request: Connection refused");
        }
        objects.put(key, content.clone());
    }

    @Override
    public void close() {
    }
}
