package dev.dlt.operator.schedule;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@value #KEY} annotation: each new value asks for one run. The value acted on is kept in
 * {@code status.handledRunNowToken}, so re-applying the same manifest or restarting the operator
 * starts nothing.
 */
public final class RunNowAnnotation {

    public static final String KEY = "load.dlt.dev/run-now";

    private RunNowAnnotation() {
    }

    /** The value not acted on yet, if any. */
    public static Optional<String> pending(LoadTest test, LoadTestStatus status) {
        String token = value(test);
        return token == null || token.isBlank() || token.equals(status.getHandledRunNowToken()) ? Optional.empty() : Optional.of(token);
    }

    /** Marks the current value acted on: every run started covers the requests made before it. */
    public static void covered(LoadTest test, LoadTestStatus status) {
        status.setHandledRunNowToken(value(test));
    }

    /**
     * Which updates of a LoadTest are reconciled: a new spec generation, a new run-now value, the start of
     * a deletion or a finalizer change, not the operator's own status patches (a generation-aware filter
     * that also sees this annotation, which changes no generation). Symmetric in its two arguments, so it
     * does not depend on JOSDK's {@code OnUpdateFilter.accept(newResource, oldResource)} order.
     */
    public static boolean reconciledUpdate(LoadTest updated, LoadTest old) {
        return !Objects.equals(old.getMetadata().getGeneration(), updated.getMetadata().getGeneration())
                || !Objects.equals(value(old), value(updated))
                || !Objects.equals(old.getMetadata().getDeletionTimestamp(), updated.getMetadata().getDeletionTimestamp())
                || !Objects.equals(old.getMetadata().getFinalizers(), updated.getMetadata().getFinalizers());
    }

    private static String value(LoadTest test) {
        Map<String, String> annotations = test.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(KEY);
    }
}
