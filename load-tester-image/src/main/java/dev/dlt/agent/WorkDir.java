package dev.dlt.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Logger;

/** An agent's private folder: engine files and the result outbox; deleted only once the results are stored. */
record WorkDir(Path path) {

    private static final Logger LOG = Logger.getLogger(WorkDir.class.getName());

    static WorkDir create(String owner) throws IOException {
        return new WorkDir(Files.createTempDirectory("dlt-" + owner.replaceAll("[^A-Za-z0-9_.-]", "_") + "-"));
    }

    Outbox outbox() throws IOException {
        return new Outbox(path.resolve("results"));
    }

    void delete() {
        try (var files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            LOG.warning("could not delete " + path + ": " + e.getMessage());
        }
    }
}
