package dev.dlt.localcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchivesTest {

    @TempDir
    Path workDir;

    @Test
    void theSecondStartLoadsItsClassesFromTheArchiveTheFirstWroteAtExit() throws Exception {
        Path jar = jarOf(Greeter.class, workDir.resolve("greeter.jar"));
        ClassDataArchives archives = ClassDataArchives.in(workDir.resolve("cds"));

        assertThat(runWithArchive(archives, jar, "first")).contains("hello from first");
        assertThat(archivesIn(workDir.resolve("cds"))).hasSize(1);

        String second = runWithArchive(archives, jar, "second", "-Xlog:class+load=info");
        assertThat(second).contains("hello from second")
                .containsPattern("ClassDataArchivesTest\\$Greeter source: shared objects file \\(top\\)");
    }

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwnAndTheStaleOneGoes() throws Exception {
        Path jar = jarOf(Greeter.class, workDir.resolve("greeter.jar"));
        ClassDataArchives archives = ClassDataArchives.in(workDir.resolve("cds"));
        runWithArchive(archives, jar, "first");
        Path stale = archivesIn(workDir.resolve("cds")).getFirst();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        String rebuilt = runWithArchive(archives, jar, "rebuilt", "-Xlog:class+load=info");

        assertThat(rebuilt).contains("hello from rebuilt").doesNotContain("source: shared objects file (top)");
        assertThat(stale).doesNotExist();
        assertThat(archivesIn(workDir.resolve("cds"))).hasSize(1).doesNotContain(stale);
    }

    @Test
    void aKilledWriterLeavesNoArchiveAndAnUnusableArchiveIsDeleted() throws Exception {
        Path jar = jarOf(Greeter.class, workDir.resolve("greeter.jar"));
        ClassDataArchives archives = ClassDataArchives.in(workDir.resolve("cds"));
        Path log = Files.writeString(workDir.resolve("child.log"), "hello\n");

        ClassDataArchives.Use killed = archives.use("greeter", List.of(jar)).orElseThrow();
        assertThat(killed.writes()).isTrue();
        Path partial = Path.of(killed.jvmFlags().getFirst().substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(partial, "half an archive");
        killed.afterExit(137, log);
        assertThat(partial).doesNotExist();
        assertThat(killed.archive()).doesNotExist();

        Files.writeString(killed.archive(), "not an archive");
        ClassDataArchives.Use reader = archives.use("greeter", List.of(jar)).orElseThrow();
        assertThat(reader.writes()).isFalse();
        assertThat(reader.jvmFlags()).containsExactly("-XX:SharedArchiveFile=" + killed.archive());
        Files.writeString(log, "[warning][cds,dynamic] Unable to use shared archive. The top archive failed to load\n");
        reader.afterExit(0, log);
        assertThat(killed.archive()).doesNotExist();

        assertThat(ClassDataArchives.none().use("greeter", List.of(jar))).isEmpty();
    }

    /** Runs {@link Greeter} in a child JVM using the program's archive and returns its log once the archive is settled. */
    private String runWithArchive(ClassDataArchives archives, Path jar, String name, String... jvmArgs) throws Exception {
        ClassDataArchives.Use use = archives.use("greeter", List.of(jar)).orElseThrow();
        List<String> flags = new ArrayList<>(use.jvmFlags());
        flags.addAll(List.of(jvmArgs));
        ChildJvm child = ChildJvm.start(name, List.of(jar), flags, Greeter.class.getName(), List.of(name), workDir);
        assertThat(child.waitFor()).isZero();
        use.afterExit(0, child.logFile());
        return Files.readString(child.logFile());
    }

    private static List<Path> archivesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    /** A jar of {@code type} alone: the JVM archives only class paths of jars. */
    private static Path jarOf(Class<?> type, Path jar) throws IOException {
        String classFile = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(classFile);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(classFile));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Says hello and exits, which is when the JVM writes its archive. */
    public static final class Greeter {
        public static void main(String[] args) {
            System.out.println("hello from " + args[0]);
        }
    }
}
