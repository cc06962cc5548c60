package dev.dlt.agent.engine.taurus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JMeter home of one run whose plan brings plugins: the worker's JMeter home linked file by file,
 * with the plugin jars added to {@code lib/ext}, so that a plan's plugins never change the shared home
 * (other workers on the same machine, the next run).
 */
final class RunJmeterHome {

    private RunJmeterHome() {
    }

    /** Builds the run's home in {@code target} (which must not exist yet) from {@code base} and {@code plugins}. */
    static Path create(Path base, Path target, List<Path> plugins) throws IOException {
        Path real = base.toRealPath();
        Path bin = real.resolve("bin");
        Files.createDirectories(target);
        try (Stream<Path> all = Files.walk(real)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path copy = target.resolve(real.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (bin.equals(source.getParent())) {
                    // JMeter takes its home from the real path of bin/ApacheJMeter.jar, and its launch script
                    // follows its own symlinks: both are copied so that they point at this home
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createSymbolicLink(copy, source.toRealPath());
                }
            }
        }
        Path ext = Files.createDirectories(target.resolve("lib").resolve("ext"));
        for (Path jar : plugins) {
            Files.copy(jar, ext.resolve(jar.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
