package dev.dlt.localcloud.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32C;

/**
 * Main class of every {@link ChildJvm}: runs the real main class given as first argument, and halts
 * the JVM as soon as its standard input reaches end-of-file, i.e. when the parent JVM is gone.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    // Shutdown hooks do not run when the parent is killed (SIGKILL, OOM killer, a surefire fork timeout);
    // the pipe to our stdin is then closed by the kernel, which is the one signal we can count on.
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
        }
        Thread watchdog = new Thread(ParentWatchdog::haltWhenParentIsGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(args[0])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void haltWhenParentIsGone() {
        try {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // the parent never writes; anything it might send is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file
        }
        Runtime.getRuntime().halt(1);
    }

    /**
     * The jar of this class alone (so the child's class path gets none of the harness's dependencies), written once
     * into the temporary directory under a name that holds a checksum of its content, and never rewritten: a JVM
     * writes class-data archives only for class paths of jars, and an archive records each jar's path, size and
     * time, so every child of any local cloud must see the same, unchanged file.
     */
    static Path jar() throws IOException {
        String classFile = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        byte[] classBytes;
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new IOException(classFile + " not found on the harness classpath");
            }
            classBytes = in.readAllBytes();
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar)) {
            JarEntry entry = new JarEntry(classFile);
            entry.setTime(0);
            out.putNextEntry(entry);
            out.write(classBytes);
            out.closeEntry();
        }
        byte[] bytes = jar.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "dlt-" + System.getProperty("user.name"));
        Path file = dir.resolve(String.format(Locale.ROOT, "parent-watchdog-%08x.jar", crc.getValue()));
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(dir);
            Path written = Files.write(Files.createTempFile(dir, "parent-watchdog", ".tmp"), bytes);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }
}
