package dev.dlt.operator.reconciler;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.RunSummary;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.RunRecord;
import java.util.ArrayList;
import java.util.List;

/** Records a finished run: one history item and the latest item in DynamoDB, metrics, and a line in status.history. */
public class RunRecorder {

    private final ResultHistory history;
    private final RunMetrics metrics;
    private final int historySize;

    public RunRecorder(ResultHistory history, RunMetrics metrics, int historySize) {
        this.history = history;
        this.metrics = metrics;
        this.historySize = historySize;
    }

    public void record(LoadTest test, LoadTestStatus status) {
        RunStatus run = status.getRun();
        int workers = run.getWorkers() == null || run.getWorkers().getDesired() == null ? 0 : run.getWorkers().getDesired();
        history.record(new RunRecord(test.getMetadata().getNamespace() + "/" + test.getMetadata().getName(),
                test.getMetadata().getNamespace(), test.getMetadata().getName(), run.getId(), run.getGeneration(),
                status.getPhase(), status.getMessage(), run.getStartedAt(), run.getFinishedAt(), workers, run.getStartSkewMs(),
                status.getResult()));
        metrics.runEnded(test.getMetadata().getNamespace(), status.getPhase(), status.getResult(), run.getStartSkewMs());
        RunSummary line = new RunSummary();
        line.setRunId(run.getId());
        line.setPhase(status.getPhase());
        line.setStartedAt(run.getStartedAt());
        if (status.getResult() != null) {
            line.setRequests(status.getResult().getRequests());
            line.setRps(status.getResult().getRps());
            line.setP95Ms(status.getResult().getP95Ms());
            line.setErrorRate(status.getResult().getErrorRate());
        }
        List<RunSummary> lines = new ArrayList<>();
        lines.add(line);
        if (status.getHistory() != null) {
            status.getHistory().stream().filter(h -> !run.getId().equals(h.getRunId())).forEach(lines::add);
        }
        status.setHistory(lines.subList(0, Math.min(historySize, lines.size())));
    }
}
