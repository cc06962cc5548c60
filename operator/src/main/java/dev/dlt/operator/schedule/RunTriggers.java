package dev.dlt.operator.schedule;

import dev.dlt.operator.api.ConcurrencyPolicy;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunTrigger;
import dev.dlt.operator.events.EventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what starts a run besides a spec change: a new value of the {@link RunNowAnnotation},
 * or a scheduled time that has come. What was acted on is kept in status ({@code handledRunNowToken},
 * {@code lastScheduledAt}, {@code nextRunAt}), so a restarted operator neither repeats nor forgets it.
 */
public class RunTriggers {

    /** How soon a due time or a queued request is looked at. */
    public static final Duration SOON = Duration.ofMillis(100);

    private final EventRecorder events;

    public RunTriggers(EventRecorder events) {
        this.events = events;
    }

    /** A run to start now, and why. */
    public record Start(RunTrigger trigger, String why) {
    }

    public static boolean suspended(LoadTest test) {
        return test.getSpec() != null && Boolean.TRUE.equals(test.getSpec().getSuspend());
    }

    public static boolean scheduled(LoadTest test) {
        return test.getSpec() != null && (!blank(test.getSpec().getSchedule()) || !blank(test.getSpec().getStartAt()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A new spec generation: the schedule is computed again from it. */
    public void specChanged(LoadTestStatus status) {
        status.setNextRunAt(null);
    }

    /** For a test without an active run: the run to start now, if any (the status records what was decided). */
    public Optional<Start> idle(LoadTest test, LoadTestStatus status, Instant now) {
        if (suspended(test)) {
            status.setNextRunAt(null);
            RunNowAnnotation.pending(test, status).ifPresent(token -> {
                status.setHandledRunNowToken(token);
                events.warning(test, "RunNowRefused", "run-now " + token + " refused: the test is suspended (spec.suspend)");
            });
            return Optional.empty();
        }
        Optional<String> token = RunNowAnnotation.pending(test, status);
        if (token.isPresent()) {
            return Optional.of(new Start(RunTrigger.RunNow, "run-now " + token.get()));
        }
        Optional<RunSchedule> schedule = schedule(test);
        if (schedule.isEmpty()) {
            status.setNextRunAt(null);
            return Optional.empty();
        }
        Optional<DueRun> due = due(schedule.get(), status, now);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        DueRun run = due.get();
        handled(status, run);
        if (!run.startable()) {
            skipped(test, status, run, "it was missed by more than spec.startingDeadline (" + schedule.get().startingDeadline() + ")");
            return Optional.empty();
        }
        if (run.missedEarlier()) {
            events.warning(test, "ScheduleMissed", "scheduled times from " + run.firstDue() + " were missed; starting only the one at "
                    + run.time());
        }
        return Optional.of(new Start(schedule.get().trigger(), "scheduled at " + run.time()));
    }

    /**
     * For a test with an active run: a scheduled time that has come is skipped (policy Skip), or
     * returned (policy Replace) for the caller to cancel the active run; it then starts once that run is recorded.
     * A run already Recording has nothing left to replace (its load is over): the time waits for its record.
     */
    public Optional<Instant> active(LoadTest test, LoadTestStatus status, Instant now) {
        Optional<RunSchedule> schedule = schedule(test);
        if (suspended(test) || schedule.isEmpty()) {
            return Optional.empty();
        }
        Optional<DueRun> due = due(schedule.get(), status, now);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        if (due.get().startable() && test.getSpec().getConcurrencyPolicy() == ConcurrencyPolicy.Replace) {
            return status.getPhase() == Phase.Recording ? Optional.empty() : Optional.of(due.get().time());
        }
        handled(status, due.get());
        skipped(test, status, due.get(), due.get().startable() ? "run " + status.getRun().getId() + " is still active"
                : "it was missed by more than spec.startingDeadline (" + schedule.get().startingDeadline() + ")");
        return Optional.empty();
    }

    /** When to look again for the schedule (or a queued run-now): empty when nothing is waited for. */
    public Optional<Duration> wakeUp(LoadTest test, LoadTestStatus status, Instant now) {
        if (!suspended(test) && RunNowAnnotation.pending(test, status).isPresent()) {
            return Optional.of(SOON);
        }
        if (status.getNextRunAt() == null) {
            return Optional.empty();
        }
        Duration until = Duration.between(now, Instant.parse(status.getNextRunAt()));
        return Optional.of(until.compareTo(SOON) < 0 ? SOON : until);
    }

    /** The spec's schedule; a spec whose schedule cannot be read (validation reports it) has none. */
    private static Optional<RunSchedule> schedule(LoadTest test) {
        try {
            return RunSchedule.of(test.getSpec());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The scheduled time that has come, computing {@code nextRunAt} first when the schedule is new or changed. */
    private static Optional<DueRun> due(RunSchedule schedule, LoadTestStatus status, Instant now) {
        Instant last = status.getLastScheduledAt() == null ? null : Instant.parse(status.getLastScheduledAt());
        if (status.getNextRunAt() == null) {
            status.setNextRunAt(schedule.first(last, now).map(Instant::toString).orElse(null));
        }
        return DueRun.at(schedule, status.getNextRunAt() == null ? null : Instant.parse(status.getNextRunAt()), now);
    }

    private static void handled(LoadTestStatus status, DueRun run) {
        status.setLastScheduledAt(run.time().toString());
        status.setNextRunAt(run.next() == null ? null : run.next().toString());
    }

    private void skipped(LoadTest test, LoadTestStatus status, DueRun run, String why) {
        status.setSkippedRuns(Objects.requireNonNullElse(status.getSkippedRuns(), 0) + 1);
        events.warning(test, "ScheduleSkipped", "the run scheduled at " + run.time() + " was skipped: " + why);
    }
}
