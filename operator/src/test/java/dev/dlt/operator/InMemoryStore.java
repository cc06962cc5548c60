package dev.dlt.operator;

import dev.dlt.operator.store.ObjectStore;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Buckets and a history table in memory; keys are {@code bucket/key}. */
public final class InMemoryStore implements ObjectStore, ResultHistory {

    public final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    public final List<RunRecord> records = new ArrayList<>();

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        objects.put(bucket + "/" + key, content);
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key));
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/" + prefix)).map(k -> k.substring(bucket.length() + 1)).toList();
    }

    @Override
    public void record(RunRecord run) {
        records.add(run);
    }
}
