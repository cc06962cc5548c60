package dev.dlt.localcloud.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends the local cloud's own logs (API server, kubelet, agents) to a file, so the console shows the run. */
public final class LocalLogging {

    private LocalLogging() {
    }

    static Path toFile(Path dir) throws IOException {
        return toFile(dir, Level.INFO);
    }

    /** Logs at {@code level} and above to {@code <dir>/local-cloud.log}; benchmarks keep only warnings. */
    public static Path toFile(Path dir, Level level) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        Path file = dir.resolve("local-cloud.log");
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        FileHandler handler = new FileHandler(file.toString(), false);
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
        root.setLevel(level);
        return file;
    }
}
