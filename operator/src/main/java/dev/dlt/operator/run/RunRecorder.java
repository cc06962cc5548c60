package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.RunRecord;

/**
 * Stores a decided run in the history table: its {@code RUN#} item and the test's latest item. The
 * keys depend only on the run, so storing again (after a failure or a restart) overwrites, never
 * duplicates.
 */
public class RunRecorder {

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
                run.getTrigger() == null ? null : run.getTrigger().name()));
    }
}
