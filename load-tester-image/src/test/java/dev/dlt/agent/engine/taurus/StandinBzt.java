package dev.dlt.agent.engine.taurus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.engine.EngineInput;
import dev.dlt.results.scenario.TaurusConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The stand-in bzt of src/test/resources/taurus/standin-bzt.py, installed as an executable in a test's
 * folder, told how to behave, and read back: what it was given and what it did.
 */
final class StandinBzt {

    static final String RECORD = "standin-record.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;

    private StandinBzt(Path executable) {
        this.executable = executable;
    }

    static StandinBzt install(Path folder) throws IOException {
        Path executable = Files.createDirectories(folder).resolve("bzt");
        try (InputStream script = StandinBzt.class.getResourceAsStream("/taurus/standin-bzt.py")) {
            Files.copy(script, executable);
        }
        if (!executable.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + executable + " executable");
        }
        return new StandinBzt(executable);
    }

    /** See the stand-in's docstring for the keys. */
    void behave(Map<String, Object> behaviour) throws IOException {
        JSON.writeValue(executable.resolveSibling("standin.json").toFile(), behaviour);
    }

    TaurusSettings settings(Path artifactsRoot, Path jmeterHome, Duration grace, Duration stopTimeout) {
        return new TaurusSettings(executable.toString(), artifactsRoot, jmeterHome, grace, stopTimeout);
    }

    /** What the stand-in recorded in a run's artifacts dir, or a missing node when it never ran. */
    static JsonNode record(Path artifactsDir) throws IOException {
        Path record = artifactsDir.resolve(RECORD);
        return Files.isRegularFile(record) ? JSON.readTree(record.toFile()) : JSON.missingNode();
    }

    /** An engine input for {@code config} whose scenario folder holds {@code files}. */
    static EngineInput input(TaurusConfig config, Map<String, byte[]> files, Path workDir) throws IOException {
        return new EngineInput(config, config.toJson(), (name, target) -> {
            byte[] content = files.get(name);
            if (content == null) {
                throw new IOException("s3://bucket/test-scenarios/t/r/" + name + " does not exist");
            }
            Files.write(target, content);
        }, Files.createDirectories(workDir));
    }
}
