package dev.dlt.agent.engine.taurus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * Forwards bzt's console output, line by line, to the agent's log and to {@code bzt.log}, and keeps
 * its last lines for error messages. The file is bounded; the log is not.
 */
final class BztOutput implements Runnable {

    static final long MAX_LOG_BYTES = 16L * 1024 * 1024;
    static final int TAIL_LINES = 30;
    private static final int MAX_LINE_CHARS = 8192;
    private static final Logger LOG = Logger.getLogger("dev.dlt.agent.bzt");

    private final InputStream source;
    private final Path logFile;
    /** What Taurus prints when it begins its graceful shutdown, e.g. after SIGTERM. */
    static final String SHUTDOWN_STARTED = "Please wait for graceful shutdown...";

    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean shutdownStarted;

    BztOutput(InputStream source, Path logFile) {
        this.source = source;
        this.logFile = logFile;
    }

    @Override
    public void run() {
        long written = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
             OutputStream file = Files.newOutputStream(logFile)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String shown = line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + " [...]" : line;
                if (line.contains(SHUTDOWN_STARTED)) {
                    shutdownStarted = true;
                }
                LOG.info(() -> "bzt: " + shown);
                remember(shown);
                byte[] bytes = (shown + "\n").getBytes(StandardCharsets.UTF_8);
                if (written + bytes.length <= MAX_LOG_BYTES) {
                    file.write(bytes);
                    file.flush();
                } else if (written <= MAX_LOG_BYTES) {
                    file.write("[bzt.log truncated: further output is in the agent's log]\n".getBytes(StandardCharsets.UTF_8));
                    file.flush();
                }
                written += bytes.length;
            }
        } catch (IOException e) {
            LOG.warning(() -> "stopped forwarding bzt's output: " + e.getMessage());
        }
    }

    /** Whether bzt has said it is shutting down (so a SIGTERM it got was not lost). */
    boolean shutdownStarted() {
        return shutdownStarted;
    }

    /** bzt's last lines of output, oldest first. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }
}
