package dev.dlt.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Result files kept on disk until they are stored: each is written here first, then all are uploaded
 * in the order they were added, each with retries until the upload deadline. The file added last
 * (the report, whose presence tells the operator "this worker reported") is only uploaded once every
 * file before it is stored.
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private record Entry(String key, Path file, String contentType) {
    }

    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();
    private int stored;

    Outbox(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    Path dir() {
        return dir;
    }

    void write(String key, byte[] content, String contentType) throws IOException {
        Path file = next(key);
        Files.write(file, content);
        entries.add(new Entry(key, file, contentType));
    }

    /** Copies a file that may keep growing or go away (an engine's log), at most its last {@code maxBytes}. */
    void copyTail(String key, Path source, long maxBytes, String contentType) throws IOException {
        Path file = next(key);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             InputStream stream = java.nio.channels.Channels.newInputStream(in.position(Math.max(0, in.size() - maxBytes)))) {
            Files.copy(stream, file);
        }
        entries.add(new Entry(key, file, contentType));
    }

    /**
     * Uploads every file not stored yet, in order, each retried until {@code deadlineMs}; stops at the
     * first one that cannot be stored by then.
     *
     * @return the keys not stored (empty when everything is), whose files stay in {@link #dir()}
     */
    List<String> storeAll(ResultStore store, UploadRetry retry, long deadlineMs) throws InterruptedException {
        while (stored < entries.size()) {
            Entry entry = entries.get(stored);
            boolean ok = retry.run("upload of " + entry.key(),
                    () -> store.put(entry.key(), Files.readAllBytes(entry.file()), entry.contentType()), deadlineMs);
            if (!ok) {
                break;
            }
            stored++;
        }
        List<String> missing = entries.subList(stored, entries.size()).stream().map(Entry::key).toList();
        if (!missing.isEmpty()) {
            LOG.severe(missing.size() + " of " + entries.size() + " result files not stored by the upload deadline, kept in "
                    + dir + ": " + missing);
        }
        return missing;
    }

    private Path next(String key) {
        // numbered so that the folder lists the files in upload order
        return dir.resolve((entries.size() + 1) + "-" + key.substring(key.lastIndexOf('/') + 1));
    }
}
