package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * A directory of class-data archives (AppCDS), one per program, JDK and class path, so that the second start of
 * S3Proxy or the operator maps its classes from an archive instead of parsing and verifying them again (about
 * half of their start-up).
 *
 * <p>A child maps the archive when it exists; otherwise it writes one as it exits, into a file of its own that
 * becomes the archive only if the child exited by itself or by SIGTERM (a SIGKILL can cut the writing short). An
 * archive a JVM reports as unusable is deleted, so the next start writes a good one.
 */
public final class ClassDataArchives {

    private static final ClassDataArchives NONE = new ClassDataArchives(null);
    private static final int KILLED = 128 + 9;
    private static final List<String> UNUSABLE = List.of("Unable to use shared archive",
            "An error has occurred while processing the shared archive file", "Error occurred during CDS dumping");
    private final Path dir;

    private ClassDataArchives(Path dir) {
        this.dir = dir;
    }

    /** No archives: every child JVM starts from the JDK's default archive only. */
    public static ClassDataArchives none() {
        return NONE;
    }

    /** Archives kept in {@code dir}, e.g. {@code .dlt-local/cds}. */
    public static ClassDataArchives in(Path dir) {
        return new ClassDataArchives(dir.toAbsolutePath());
    }

    /**
     * How a child JVM of {@code program} with {@code classpath} (jars only: the JVM archives nothing else) uses the
     * program's archive, if this directory keeps archives; the caller passes {@link Use#jvmFlags()} to the child
     * and calls {@link Use#afterExit} once it has exited.
     */
    public Optional<Use> use(String program, List<Path> classpath) {
        if (dir == null || Runtime.version().feature() < 19) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            Path archive = dir.resolve(archiveName(program, classpath));
            if (Files.isRegularFile(archive)) {
                return Optional.of(new Use(archive, null));
            }
            deleteOtherArchives(program, archive);
            return Optional.of(new Use(archive, dir.resolve(archive.getFileName() + "." + UUID.randomUUID() + ".tmp")));
        } catch (IOException e) {
            // the directory is not writable: start without an archive, just slower
            return Optional.empty();
        }
    }

    /**
     * The archive's name: the program, the JDK and a fingerprint of the class path's jars (name, size, time). The JVM
     * refuses an archive whose jars changed, so a rebuilt jar gets an archive of its own.
     */
    static String archiveName(String program, List<Path> classpath) throws IOException {
        StringBuilder fingerprint = new StringBuilder(Runtime.version().toString());
        for (Path entry : classpath) {
            fingerprint.append('|').append(entry.toAbsolutePath());
            if (Files.isRegularFile(entry)) {
                fingerprint.append(':').append(Files.size(entry)).append(':').append(Files.getLastModifiedTime(entry).toMillis());
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(fingerprint.toString().getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%s-jdk%d-%08x.jsa", program, Runtime.version().feature(), crc.getValue());
    }

    /** Archives of the program's earlier class paths are of no more use (a JVM still mapping one keeps its copy). */
    private void deleteOtherArchives(String program, Path keep) throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(dir, program + "-jdk*.jsa")) {
            for (Path archive : archives) {
                if (!archive.equals(keep)) {
                    Files.deleteIfExists(archive);
                }
            }
        }
    }

    @Override
    public String toString() {
        return dir == null ? "no class-data archives" : "class-data archives in " + dir;
    }

    /** One child's use of an archive: mapping it, or writing it at exit when there is none yet. */
    public static final class Use {

        private final Path archive;
        private final Path written;

        private Use(Path archive, Path written) {
            this.archive = archive;
            this.written = written;
        }

        public List<String> jvmFlags() {
            return written == null ? List.of("-XX:SharedArchiveFile=" + archive) : List.of("-XX:ArchiveClassesAtExit=" + written);
        }

        /** The archive this child maps or, once it exited well, wrote. */
        public Path archive() {
            return archive;
        }

        /** Whether this child writes the archive at exit (there was none). */
        public boolean writes() {
            return written != null;
        }

        /** Publishes the archive the child wrote, or deletes one it could not use; {@code log} is the child's output. */
        public void afterExit(int exitCode, Path log) {
            try {
                boolean unusable = reportsUnusable(log);
                if (written == null) {
                    if (unusable) {
                        Files.deleteIfExists(archive);
                    }
                } else if (exitCode != KILLED && !unusable && Files.isRegularFile(written) && Files.size(written) > 0) {
                    Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(written);
                }
            } catch (IOException e) {
                // the next start writes (or maps) again; an archive only saves time
            }
        }

        private static boolean reportsUnusable(Path log) throws IOException {
            if (!Files.isRegularFile(log)) {
                return false;
            }
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            return UNUSABLE.stream().anyMatch(text::contains);
        }
    }
}
