package dev.dlt.operator.reconciler;

import dev.dlt.operator.store.ObjectStore;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A bucket and a history table in memory. */
final class InMemoryStore implements ObjectStore, ResultHistory {

    final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();
    final List<RunRecord> records = new ArrayList<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void record(RunRecord run) {
        records.add(run);
    }
}
