package dev.dlt.localcloud.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Taurus bzt and JMeter that the workers of a local run with {@code engine: taurus} start: the
 * ones {@code DLT_BZT} and {@code DLT_JMETER_HOME} name (./dlt-local sets them from the taurus kit),
 * else a {@code bzt} on the PATH with the JMeter {@code bzt -install-tools} put in ~/.bzt.
 *
 * @param jmeterHome null when unknown: bzt then uses its own settings (and ~/.bzt-rc)
 */
public record LocalBzt(Path bzt, Path jmeterHome) {

    /** The one line printed when a manifest wants engine taurus and there is no bzt. */
    public static final String MISSING = "engine: taurus needs Taurus (bzt) and JMeter on this machine, and neither DLT_BZT nor a bzt "
            + "on the PATH was found: pip install bzt==1.17.0 && bzt -install-tools -o modules.jmeter.version=5.6.3 "
            + "(or set DLT_BZT and DLT_JMETER_HOME; README, Engines)";
    static final String JMETER_VERSION = "5.6.3";

    /** The bzt of this machine, if there is one. */
    public static Optional<LocalBzt> find(Map<String, String> env) {
        Optional<Path> bzt = Optional.ofNullable(env.get("DLT_BZT")).filter(v -> !v.isBlank()).map(Path::of)
                .or(() -> onPath(env.getOrDefault("PATH", ""), "bzt"));
        Path jmeter = Optional.ofNullable(env.get("DLT_JMETER_HOME")).filter(v -> !v.isBlank()).map(Path::of)
                .or(() -> Optional.ofNullable(env.get("HOME")).map(h -> Path.of(h, ".bzt", "jmeter-taurus", JMETER_VERSION)))
                .filter(home -> Files.isRegularFile(home.resolve("bin").resolve("ApacheJMeter.jar"))).orElse(null);
        return bzt.filter(Files::isExecutable).map(b -> new LocalBzt(b, jmeter));
    }

    /** Whether the manifest has a LoadTest with {@code spec.engine: taurus}. */
    public static boolean wanted(Path manifest) throws IOException {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && "LoadTest".equals(document.path("kind").asText())
                        && "taurus".equals(document.path("spec").path("engine").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The environment the workers get: this bzt and JMeter, artifacts under {@code work}, and (with a
     * known JMeter) a HOME of bzt's own there, so that bzt's ~/.bzt-rc and JMeter's ~/.java stay out of yours.
     */
    public Map<String, String> workerEnv(Path work) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DLT_BZT", bzt.toString());
        env.put("DLT_ARTIFACTS_DIR", Files.createDirectories(work.resolve("artifacts")).toString());
        if (jmeterHome != null) {
            env.put("DLT_JMETER_HOME", jmeterHome.toString());
            env.put("DLT_BZT_HOME", Files.createDirectories(work.resolve("bzt-home")).toString());
        }
        return env;
    }

    private static Optional<Path> onPath(String path, String name) {
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, name))) {
                return Optional.of(Path.of(folder, name));
            }
        }
        return Optional.empty();
    }
}
