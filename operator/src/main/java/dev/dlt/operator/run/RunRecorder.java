package dev.dlt.operator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.RunRecord;

/**
 * Stores a decided run in the history table: its {@code RUN#} item and the test's latest item, with its
 * verdict and the spec it ran. The
 * keys depend only on the run, so storing again (after a failure or a restart) overwrites, never
 * duplicates.
 */
public class RunRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ResultHistory history;

    public RunRecorder(ResultHistory history) {
        this.history = history;
    }

    public void store(LoadTest test, LoadTestStatus status) {
        RunStatus run = status.getRun();
        int workers = run.getWorkers() == null || run.getWorkers().getDesired() == null ? 0 : run.getWorkers().getDesired();
        history.record(new RunRecord(test.getMetadata().getNamespace() + "/" + test.getMetadata().getName(),
                test.getMetadata().getNamespace(), test.getMetadata().getName(), run.getId(),
                run.getGeneration() == null ? 0 : run.getGeneration(), run.getOutcome().name(), run.getOutcomeMessage(),
                run.getCreatedAt(), run.getStartedAt(), run.getFinishedAt(), workers, run.getStartSkewMs(), status.getResult(),
                verdict(status), spec(test, run), run.getTrigger() == null ? null : run.getTrigger().name()));
    }

    private static String verdict(LoadTestStatus status) {
        return status.getResult() == null || status.getResult().getVerdict() == null ? null : status.getResult().getVerdict().name();
    }

    /** The spec the run executed, when the resource still holds that generation (a newer one replaces it and cancels the run). */
    private static String spec(LoadTest test, RunStatus run) {
        if (test.getSpec() == null || !java.util.Objects.equals(test.getMetadata().getGeneration(), run.getGeneration())) {
            return null;
        }
        try {
            return JSON.writeValueAsString(test.getSpec());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the spec of run " + run.getId(), e);
        }
    }
}
