package dev.dlt.agent.engine.taurus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JMeter home of one run whose plan brings plugins: the worker's JMeter home linked, with the
 * plugin jars added to {@code lib/ext}, so that a plan's plugins never change the shared home (other
 * workers on the same machine, the next run).
 */
final class RunJmeterHome {

    private RunJmeterHome() {
    }

    /** Builds the run's home in {@code target} (which must not exist yet) from {@code base} and {@code plugins}. */
    static Path create(Path base, Path target, List<Path> plugins) throws IOException {
        Path real = base.toRealPath();
        Files.createDirectory(target);
        for (Path entry : list(real)) {
            String name = entry.getFileName().toString();
            if (name.equals("bin")) {
                // JMeter takes its home from the real path of bin/ApacheJMeter.jar, and its launch script
                // follows its own symlinks: bin's files are copied so that they start JMeter from this home
                copyFilesLinkFolders(entry, target.resolve(name));
            } else if (name.equals("lib")) {
                Path lib = Files.createDirectory(target.resolve(name));
                for (Path libEntry : list(entry)) {
                    if (libEntry.getFileName().toString().equals("ext")) {
                        Path ext = Files.createDirectory(lib.resolve("ext"));
                        for (Path jar : list(libEntry)) {
                            Files.createSymbolicLink(ext.resolve(jar.getFileName().toString()), jar);
                        }
                    } else {
                        Files.createSymbolicLink(lib.resolve(libEntry.getFileName().toString()), libEntry);
                    }
                }
            } else {
                Files.createSymbolicLink(target.resolve(name), entry);
            }
        }
        Path ext = Files.createDirectories(target.resolve("lib").resolve("ext"));
        for (Path jar : plugins) {
            Path copy = ext.resolve(jar.getFileName().toString());
            Files.deleteIfExists(copy);
            Files.copy(jar, copy);
        }
        return target;
    }

    private static void copyFilesLinkFolders(Path from, Path to) throws IOException {
        Files.createDirectory(to);
        for (Path entry : list(from)) {
            Path copy = to.resolve(entry.getFileName().toString());
            if (Files.isDirectory(entry)) {
                Files.createSymbolicLink(copy, entry.toRealPath());
            } else {
                Files.copy(entry, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }
}
