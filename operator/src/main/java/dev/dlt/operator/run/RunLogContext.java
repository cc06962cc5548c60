package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTest;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.logging.MDC;

/**
 * The namespace, LoadTest name and run id put in the logging MDC while a LoadTest is worked on, so
 * that every log line about a run names it (plain text and JSON logs alike).
 */
public final class RunLogContext implements AutoCloseable {

    public static final String NAMESPACE = "namespace";
    public static final String LOADTEST = "loadtest";
    public static final String RUN_ID = "runId";

    private RunLogContext() {
    }

    /** Puts the test's namespace and name, and its current run id if it has one, in the MDC until closed. */
    public static RunLogContext open(LoadTest test) {
        MDC.put(NAMESPACE, test.getMetadata().getNamespace());
        MDC.put(LOADTEST, test.getMetadata().getName());
        if (test.getStatus() != null && test.getStatus().getRun() != null && test.getStatus().getRun().getId() != null) {
            MDC.put(RUN_ID, test.getStatus().getRun().getId());
        } else {
            MDC.remove(RUN_ID);
        }
        return new RunLogContext();
    }

    /** Names the run that has just been given an id. */
    public static void run(String runId) {
        MDC.put(RUN_ID, runId);
    }

    /** The task, run on another thread with the MDC of the calling thread. */
    public static <T> Callable<T> carried(Callable<T> task) {
        Map<String, Object> copy = MDC.getMap();
        return () -> {
            copy.forEach(MDC::put);
            try {
                return task.call();
            } finally {
                copy.keySet().forEach(MDC::remove);
            }
        };
    }

    @Override
    public void close() {
        MDC.remove(NAMESPACE);
        MDC.remove(LOADTEST);
        MDC.remove(RUN_ID);
    }
}
