package dev.dlt.operator.store;

import java.util.List;
import java.util.Optional;

/** The buckets of scenarios and results, as the operator uses them (a TestRegion may name its own bucket). */
public interface ObjectStore {

    void put(String bucket, String key, byte[] content, String contentType);

    /** The object's bytes, or empty when there is no such key. */
    Optional<byte[]> get(String bucket, String key);

    /** Keys under a prefix. */
    List<String> list(String bucket, String prefix);
}
