package dev.dlt.localcloud.e2e;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What the worker agents log, at every level, while a test runs: the local kubelet runs them on threads of
 * the test's JVM, so their java.util.logging records pass through its root logger.
 */
final class AgentLog extends Handler {

    private static final Logger AGENT = Logger.getLogger("dev.dlt.agent");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private Level previous;

    void start() {
        previous = AGENT.getLevel();
        AGENT.setLevel(Level.ALL);
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    void stop() {
        Logger.getLogger("").removeHandler(this);
        AGENT.setLevel(previous);
    }

    /** Every record of the agents' loggers so far, formatted with parameters and stack traces. */
    String text() {
        return String.join("\n", lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLoggerName() == null || !record.getLoggerName().startsWith(AGENT.getName())) {
            return;
        }
        StringWriter line = new StringWriter().append(record.getLoggerName()).append(' ').append(formatter.formatMessage(record));
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(line));
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
