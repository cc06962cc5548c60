package dev.dlt.operator.store;

import java.util.List;
import java.util.Optional;

/** The bucket of scenarios and results, as the operator uses it. */
public interface ObjectStore {

    void put(String key, byte[] content, String contentType);

    /** The object's bytes, or empty when there is no such key. */
    Optional<byte[]> get(String key);

    /** Keys under a prefix. */
    List<String> list(String prefix);
}
