package dev.dlt.localcloud.aws;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Freezes and thaws a process with SIGSTOP / SIGCONT, as a hung VM or a stalled disk would look from outside. */
public final class ProcessSignals {

    private ProcessSignals() {
    }

    /** Sends SIGSTOP: the process keeps its sockets open but answers nothing until {@link #thaw}. */
    public static void freeze(ProcessHandle process) {
        send("-STOP", process);
    }

    /** Sends SIGCONT to a process frozen by {@link #freeze}. */
    public static void thaw(ProcessHandle process) {
        send("-CONT", process);
    }

    /** Thaws a process that may be frozen, before stopping it (a frozen JVM does not act on SIGTERM); ignores failures. */
    public static void thawQuietly(ProcessHandle process) {
        if (process.isAlive()) {
            try {
                thaw(process);
            } catch (IllegalStateException ignored) {
                // gone meanwhile, or no kill(1): stopping it forcibly still works
            }
        }
    }

    // ProcessHandle offers only SIGTERM and SIGKILL; kill(1) is on every POSIX system
    private static void send(String signal, ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + process.pid(), e);
        }
    }
}
