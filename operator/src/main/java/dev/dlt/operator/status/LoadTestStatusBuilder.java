package dev.dlt.operator.status;

import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.RunSummary;
import dev.dlt.operator.api.WorkerCounts;
import dev.dlt.operator.verdict.RunVerdict;
import dev.dlt.operator.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The only writer of a LoadTest's phase, message, conditions and history: pure functions from the
 * status, what happened and the time to the new status. A condition that does not change keeps its
 * {@code lastTransitionTime}, so status only changes when something did.
 */
public final class LoadTestStatusBuilder {

    /** The reason of the Passed condition while a run is in progress (its status is Unknown). */
    public static final String RUN_IN_PROGRESS = "RunInProgress";
    /** The reason of the Passed condition when a run ended before its result was judged. */
    public static final String NOT_JUDGED = "NotJudged";

    private LoadTestStatusBuilder() {
    }

    /** A spec that cannot run: Failed, Valid=False with every violation; nothing was launched. */
    public static void invalid(LoadTestStatus status, String violations, long generation, Instant now) {
        status.setObservedGeneration(generation);
        status.setPhase(Phase.Failed);
        status.setMessage("invalid spec: " + violations);
        status.setConditions(Conditions.set(status.getConditions(), Conditions.VALID, false, "InvalidSpec", violations, generation, now));
    }

    /** A new run of a valid spec, recorded before anything is launched so that a restart adopts it. */
    public static void newRun(LoadTestStatus status, String runId, long generation, int desiredWorkers, Instant now) {
        RunStatus run = new RunStatus();
        run.setId(runId);
        run.setGeneration(generation);
        run.setCreatedAt(now.toString());
        WorkerCounts counts = new WorkerCounts();
        counts.setDesired(desiredWorkers);
        run.setWorkers(counts);
        status.setObservedGeneration(generation);
        status.setRun(run);
        status.setResult(null);
        status.setProgress(null);
        status.setPhase(Phase.Launching);
        status.setMessage("launching run " + runId);
        var conditions = Conditions.remove(status.getConditions(), Conditions.WORKERS_READY, Conditions.STARTED, Conditions.COMPLETED,
                Conditions.BLOCKED, Conditions.PARTIAL_RESULTS, Conditions.SUSPECT_WORKERS, Conditions.RECORDED);
        status.setConditions(Conditions.set(conditions, Conditions.VALID, true, "SpecValid", "", generation, now));
        status.setConditions(Conditions.set(status.getConditions(), Conditions.PASSED, "Unknown", RUN_IN_PROGRESS,
                "the verdict on spec.thresholds is decided when the run ends", generation, now));
    }

    /**
     * Records the run's verdict: in {@code status.result.verdict} (when the run has a result) and as the
     * Passed condition, True only for {@link Verdict#Passed}, whose message lists every threshold.
     */
    public static void verdict(LoadTestStatus status, RunVerdict verdict, long generation, Instant now) {
        if (status.getResult() != null) {
            status.getResult().setVerdict(verdict.verdict());
        }
        status.setConditions(Conditions.set(status.getConditions(), Conditions.PASSED, verdict.passed(), verdict.reason(),
                verdict.verdict() + ": " + verdict.message(), generation, now));
    }

    /** Fills the fields {@code kubectl get} shows as text: workers (ready or reported, of desired) and p95. */
    public static void columns(LoadTestStatus status) {
        WorkerCounts counts = status.getRun() == null ? null : status.getRun().getWorkers();
        if (counts == null || counts.getDesired() == null) {
            status.setWorkers(null);
        } else {
            Integer done = counts.getReported() != null ? counts.getReported() : counts.getReady();
            status.setWorkers((done == null ? 0 : done) + "/" + counts.getDesired());
        }
        Double p95 = status.getResult() == null ? null : status.getResult().getP95Ms();
        status.setP95(p95 == null ? null : p95 >= 10_000 ? String.format(Locale.ROOT, "%.1fs", p95 / 1000)
                : p95 >= 100 ? Math.round(p95) + "ms" : String.format(Locale.ROOT, "%.1fms", p95));
    }

    /**
     * A valid spec generation that starts no run now (it is scheduled or suspended): Valid=True, and
     * Pending when no run has happened since the spec was last valid.
     */
    public static void accepted(LoadTestStatus status, String message, long generation, Instant now) {
        boolean wasInvalid = Conditions.get(status.getConditions(), Conditions.VALID).map(c -> !"True".equals(c.getStatus())).orElse(false);
        status.setObservedGeneration(generation);
        if (status.getRun() == null || wasInvalid || status.getPhase() == null) {
            status.setPhase(Phase.Pending);
        }
        RunStatus run = status.getRun();
        boolean lastRunShown = status.getPhase() != Phase.Pending && run != null && run.getOutcomeMessage() != null;
        status.setMessage(lastRunShown ? message + "; last run " + run.getId() + ": " + run.getOutcomeMessage() : message);
        status.setConditions(Conditions.set(status.getConditions(), Conditions.VALID, true, "SpecValid", "", generation, now));
    }

    /** The run stays in its phase, waiting for what the message says. */
    public static void stay(LoadTestStatus status, String message) {
        status.setMessage(message);
    }

    /** The run moves on to the next phase; leaving a phase sets the condition it was about. */
    public static void advance(LoadTestStatus status, Phase next, String message, long generation, Instant now) {
        Phase from = status.getPhase();
        status.setPhase(next);
        status.setMessage(message);
        if (from == Phase.Launching) {
            status.setConditions(Conditions.set(status.getConditions(), Conditions.WORKERS_READY, true, "AllWorkersListening",
                    message, generation, now));
        }
    }

    /** Sets the Started condition: true when every leader started all its workers. */
    public static void started(LoadTestStatus status, boolean allStarted, String message, long generation, Instant now) {
        status.setConditions(Conditions.set(status.getConditions(), Conditions.STARTED, allStarted,
                allStarted ? "AllWorkersStarted" : "PartialStart", message, generation, now));
    }

    /** The run's end is decided: Recording until its workers are stopped and DynamoDB has its record. */
    public static void ending(LoadTestStatus status, Phase outcome, String reason, String message, long generation, Instant now) {
        RunStatus run = status.getRun();
        run.setOutcome(outcome);
        run.setOutcomeReason(reason);
        run.setOutcomeMessage(message);
        if (run.getFinishedAt() == null) {
            run.setFinishedAt(now.toString());
        }
        status.setPhase(Phase.Recording);
        status.setMessage(outcome + " (recording): " + message);
        status.setConditions(Conditions.set(status.getConditions(), Conditions.RECORDED, false, "RecordPending",
                "stopping workers and storing the run", generation, now));
    }

    /** Sets or clears the PartialResults condition naming the workers left out of the result. */
    public static void partialResults(LoadTestStatus status, List<String> leftOut, long generation, Instant now) {
        workerList(status, Conditions.PARTIAL_RESULTS, "WorkersLeftOut", " left out of the result: ", leftOut, generation, now);
    }

    /** Sets or clears the SuspectWorkers condition naming the workers whose run looks wrong (too short, no samples, only errors). */
    public static void suspectWorkers(LoadTestStatus status, List<String> flagged, long generation, Instant now) {
        workerList(status, Conditions.SUSPECT_WORKERS, "WorkersFlagged", " flagged by their engine: ", flagged, generation, now);
    }

    private static void workerList(LoadTestStatus status, String type, String reason, String what, List<String> workers,
                                   long generation, Instant now) {
        if (workers.isEmpty()) {
            status.setConditions(Conditions.remove(status.getConditions(), type));
            return;
        }
        String message = workers.size() + " worker(s)" + what + String.join("; ", workers.stream().limit(20).toList())
                + (workers.size() > 20 ? "; …" : "");
        status.setConditions(Conditions.set(status.getConditions(), type, true, reason, message, generation, now));
    }

    /** The run ends: its final phase and message, Completed and Recorded, and a line at the top of the history. */
    public static void finish(LoadTestStatus status, boolean recorded, String recordProblem, int historySize, long generation,
                              Instant now) {
        RunStatus run = status.getRun();
        Phase phase = recorded ? run.getOutcome() : Phase.Failed;
        String reason = recorded ? run.getOutcomeReason() : "RecordFailed";
        String message = recorded ? run.getOutcomeMessage() : run.getOutcomeMessage() + "; not recorded: " + recordProblem;
        status.setPhase(phase);
        status.setMessage(message);
        var conditions = status.getConditions();
        if (Conditions.isTrue(conditions, Conditions.BLOCKED)) {
            // an ended run waits for nothing; the condition keeps what it last waited for
            String waited = Conditions.get(conditions, Conditions.BLOCKED).map(c -> c.getMessage()).orElse("");
            conditions = Conditions.set(conditions, Conditions.BLOCKED, false, "RunEnded", "the run ended while " + waited, generation, now);
        }
        conditions = Conditions.set(conditions, Conditions.COMPLETED, phase == Phase.Succeeded, reason, message, generation, now);
        if (Conditions.get(conditions, Conditions.PASSED).filter(c -> "Unknown".equals(c.getStatus())).isPresent()) {
            // an ended run leaves no Unknown verdict behind (Argo CD would show it Progressing forever)
            conditions = Conditions.set(conditions, Conditions.PASSED, false, NOT_JUDGED, "the run ended " + phase
                    + " before its result was judged", generation, now);
        }
        status.setConditions(Conditions.set(conditions, Conditions.RECORDED, recorded, recorded ? "Stored" : "RecordFailed",
                recorded ? "stored in DynamoDB" : recordProblem, generation, now));
        status.setHistory(history(status, historySize));
    }

    /** Waiting on a failing dependency, since the first failure (kept while it goes on failing). */
    public static void blocked(LoadTestStatus status, String reason, String dependency, String error, long generation, Instant now) {
        Instant since = Conditions.get(status.getConditions(), Conditions.BLOCKED)
                .filter(c -> "True".equals(c.getStatus()) && reason.equals(c.getReason()))
                .map(c -> Instant.parse(c.getLastTransitionTime())).orElse(now);
        String message = "waiting for " + dependency + " since " + since + ": " + error;
        status.setMessage(status.getPhase() + ": " + message);
        List<io.fabric8.kubernetes.api.model.Condition> conditions = Conditions.remove(status.getConditions(), Conditions.BLOCKED);
        conditions = Conditions.set(conditions, Conditions.BLOCKED, true, reason, message, generation, since);
        status.setConditions(conditions);
    }

    /** The dependency answers again. */
    public static void unblocked(LoadTestStatus status, long generation, Instant now) {
        if (Conditions.isTrue(status.getConditions(), Conditions.BLOCKED)) {
            status.setConditions(Conditions.set(status.getConditions(), Conditions.BLOCKED, false, "NotBlocked",
                    "every dependency answers", generation, now));
        }
    }

    /** The live numbers of a running test, replaced at most every {@code period} so status is not patched more often. */
    public static boolean progress(LoadTestStatus status, dev.dlt.operator.api.ProgressStatus progress, java.time.Duration period,
                                   Instant now) {
        dev.dlt.operator.api.ProgressStatus last = status.getProgress();
        if (last != null && last.getUpdatedAt() != null && now.isBefore(Instant.parse(last.getUpdatedAt()).plus(period))) {
            return false;
        }
        status.setProgress(progress);
        return true;
    }

    /** When the current blocking began, if the run is blocked. */
    public static java.util.Optional<Instant> blockedSince(LoadTestStatus status) {
        return Conditions.get(status.getConditions(), Conditions.BLOCKED).filter(c -> "True".equals(c.getStatus()))
                .map(c -> Instant.parse(c.getLastTransitionTime()));
    }

    private static List<RunSummary> history(LoadTestStatus status, int historySize) {
        RunStatus run = status.getRun();
        RunSummary line = new RunSummary();
        line.setRunId(run.getId());
        line.setPhase(status.getPhase());
        line.setStartedAt(run.getStartedAt());
        line.setFinishedAt(run.getFinishedAt());
        line.setTrigger(run.getTrigger());
        if (status.getResult() != null) {
            line.setRequests(status.getResult().getRequests());
            line.setRps(status.getResult().getRps());
            line.setP95Ms(status.getResult().getP95Ms());
            line.setErrorRate(status.getResult().getErrorRate());
            line.setVerdict(status.getResult().getVerdict());
        }
        List<RunSummary> lines = new ArrayList<>();
        lines.add(line);
        if (status.getHistory() != null) {
            status.getHistory().stream().filter(h -> !run.getId().equals(h.getRunId())).forEach(lines::add);
        }
        return List.copyOf(lines.subList(0, Math.min(historySize, lines.size())));
    }
}
