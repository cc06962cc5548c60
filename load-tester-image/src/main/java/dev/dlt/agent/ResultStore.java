package dev.dlt.agent;

import java.io.IOException;
import java.util.Optional;

/** The agent's bucket: where it reads its scenario and writes its results. */
public interface ResultStore extends AutoCloseable {

    static ResultStore fromConfig(AgentConfig config) {
        return S3ResultStore.fromConfig(config);
    }

    byte[] get(String key) throws IOException;

    /** The object, or empty while it does not exist. */
    Optional<byte[]> find(String key) throws IOException;

    void put(String key, byte[] content, String contentType) throws IOException;

    @Override
    void close();
}
