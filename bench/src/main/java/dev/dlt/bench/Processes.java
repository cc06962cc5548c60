package dev.dlt.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command lines of the benchmark's child processes: pinned with taskset, same JVM, same classes. */
public final class Processes {

    private Processes() {
    }

    public static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    /** {@code taskset -c cpus} (when cpus is not empty) followed by the command. */
    static List<String> pinned(String cpus, List<String> command) {
        List<String> line = new ArrayList<>();
        if (!cpus.isEmpty()) {
            line.addAll(List.of("taskset", "-c", cpus));
        }
        line.addAll(command);
        return line;
    }

    /** A java command running {@code mainClass} with this JVM's binary and the benchmark's classes. */
    static List<String> java(Class<?> mainClass, String... args) {
        String javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> line = new ArrayList<>(List.of(javaBin, "-cp", classPath(), mainClass.getName()));
        line.addAll(List.of(args));
        return line;
    }

    /** The benchmark's class path: works under java -cp and mvn exec:java (a URLClassLoader) alike. */
    public static String classPath() {
        if (EngineThroughputBench.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
