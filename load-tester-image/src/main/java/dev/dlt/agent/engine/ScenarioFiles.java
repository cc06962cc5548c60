package dev.dlt.agent.engine;

import java.io.IOException;
import java.nio.file.Path;

/** The files stored next to the scenario in S3 ({@code test-scenarios/<testId>/<runId>/<name>}). */
@FunctionalInterface
public interface ScenarioFiles {

    /** Downloads the named file to {@code target}; throws when it does not exist. */
    void fetch(String name, Path target) throws IOException;
}
