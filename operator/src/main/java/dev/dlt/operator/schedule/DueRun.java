package dev.dlt.operator.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled time that has come: the latest one not after now (times missed before it, e.g. while
 * the operator was down, collapse into it: never a burst), whether it is still within the starting
 * deadline, and the scheduled time after now.
 *
 * @param time       the latest scheduled time not after now
 * @param firstDue   the scheduled time that was waited for (before {@code time} when times were missed)
 * @param startable  whether {@code time} is at most spec.startingDeadline ago
 * @param next       the first scheduled time after now, or null when the schedule has no more
 */
public record DueRun(Instant time, Instant firstDue, boolean startable, Instant next) {

    /** The due run when {@code nextRunAt} has come, empty before it (or when nothing is scheduled). */
    public static Optional<DueRun> at(RunSchedule schedule, Instant nextRunAt, Instant now) {
        if (nextRunAt == null || now.isBefore(nextRunAt)) {
            return Optional.empty();
        }
        Instant cutoff = now.minus(schedule.startingDeadline());
        Instant latest = nextRunAt;
        // only the times within the deadline are walked, so a long outage costs no more than a short one
        Optional<Instant> candidate = schedule.nextAfter(latest.isBefore(cutoff) ? cutoff.minusNanos(1) : latest);
        while (candidate.isPresent() && !candidate.get().isAfter(now)) {
            latest = candidate.get();
            candidate = schedule.nextAfter(latest);
        }
        Instant next = schedule.nextAfter(now).orElse(null);
        return Optional.of(new DueRun(latest, nextRunAt, !latest.isBefore(cutoff), next));
    }

    /** Whether scheduled times before {@link #time()} were missed. */
    public boolean missedEarlier() {
        return !time.equals(firstDue);
    }
}
