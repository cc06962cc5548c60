package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

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
     * Copies this class alone into {@code dir} (in its package directory) and returns {@code dir}, so
     * the child's classpath gets this one class and none of the harness's dependencies.
     */
    static Path installInto(Path dir) throws IOException {
        String classFile = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(classFile);
        Files.createDirectories(target.getParent());
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new IOException(classFile + " not found on the harness classpath");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }
}
