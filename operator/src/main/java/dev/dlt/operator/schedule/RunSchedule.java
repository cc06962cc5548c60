package dev.dlt.operator.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.RunTrigger;
import dev.dlt.results.scenario.TaurusDuration;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The times a LoadTest's {@code spec.schedule} (or {@code spec.startAt} alone) starts runs. The cron
 * expression is matched on the wall clock of {@code spec.timeZone}: a wall time that a DST change
 * skips runs at the same offset after the jump (02:30 becomes 03:30), a wall time it repeats runs
 * once, at its first occurrence.
 */
public final class RunSchedule {

    /** How late a scheduled run may start when spec.startingDeadline is not set. */
    public static final Duration DEFAULT_STARTING_DEADLINE = Duration.ofMinutes(5);
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Bounds the search for a time that matches the cron expression and spec.everyNthWeek. */
    private static final int MAX_CANDIDATES = 5_000;

    private final ExecutionTime cron;
    private final ZoneId zone;
    private final Instant startAt;
    private final int everyNthWeek;
    private final Duration startingDeadline;

    private RunSchedule(ExecutionTime cron, ZoneId zone, Instant startAt, int everyNthWeek, Duration startingDeadline) {
        this.cron = cron;
        this.zone = zone;
        this.startAt = startAt;
        this.everyNthWeek = everyNthWeek;
        this.startingDeadline = startingDeadline;
    }

    /**
     * The schedule of a spec, empty when it has neither {@code schedule} nor {@code startAt}.
     *
     * @throws IllegalArgumentException naming the field, when a field cannot be read
     */
    public static Optional<RunSchedule> of(LoadTestSpec spec) {
        if (spec == null || (blank(spec.getSchedule()) && blank(spec.getStartAt()))) {
            return Optional.empty();
        }
        ZoneId zone = zone(spec.getTimeZone());
        ExecutionTime cron = blank(spec.getSchedule()) ? null : cron(spec.getSchedule());
        Instant startAt = blank(spec.getStartAt()) ? null : startAt(spec.getStartAt(), zone);
        int nth = spec.getEveryNthWeek() == null ? 1 : spec.getEveryNthWeek();
        if (nth < 1 || nth > 52) {
            throw new IllegalArgumentException("spec.everyNthWeek: must be from 1 to 52, was " + nth);
        }
        if (nth > 1 && (cron == null || startAt == null)) {
            throw new IllegalArgumentException("spec.everyNthWeek: needs spec.schedule and spec.startAt (weeks are counted from its week)");
        }
        Duration deadline = DEFAULT_STARTING_DEADLINE;
        if (!blank(spec.getStartingDeadline())) {
            try {
                deadline = TaurusDuration.parse(spec.getStartingDeadline());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("spec.startingDeadline: " + e.getMessage(), e);
            }
        }
        return Optional.of(new RunSchedule(cron, zone, startAt, nth, deadline));
    }

    /** What the runs of this schedule are started by. */
    public RunTrigger trigger() {
        return cron == null ? RunTrigger.StartAt : RunTrigger.Schedule;
    }

    public Duration startingDeadline() {
        return startingDeadline;
    }

    /**
     * The first scheduled time of a schedule seen for the first time (or changed): spec.startAt alone
     * is due unless it was handled already; a cron schedule starts after {@code now}.
     */
    public Optional<Instant> first(Instant lastScheduledAt, Instant now) {
        if (cron == null) {
            return lastScheduledAt == null || startAt.isAfter(lastScheduledAt) ? Optional.of(startAt) : Optional.empty();
        }
        return nextAfter(lastScheduledAt != null && lastScheduledAt.isAfter(now) ? lastScheduledAt : now);
    }

    /** The first scheduled time strictly after {@code after}, if there is one. */
    public Optional<Instant> nextAfter(Instant after) {
        if (cron == null) {
            return startAt.isAfter(after) ? Optional.of(startAt) : Optional.empty();
        }
        Instant from = startAt != null && startAt.isAfter(after) ? startAt.minusSeconds(1) : after;
        LocalDateTime wall = LocalDateTime.ofInstant(from, zone);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            Optional<ZonedDateTime> next = cron.nextExecution(wall.atZone(ZoneOffset.UTC));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            wall = next.get().toLocalDateTime();
            if (!inCountedWeek(wall.toLocalDate())) {
                wall = nextCountedWeek(wall.toLocalDate()).atStartOfDay().minusSeconds(1);
                continue;
            }
            // a wall time in a DST gap resolves to the same offset after the jump; a repeated one to its first occurrence
            Instant at = ZonedDateTime.ofLocal(wall, zone, null).toInstant();
            if (at.isAfter(after) && (startAt == null || !at.isBefore(startAt))) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    private boolean inCountedWeek(LocalDate day) {
        return everyNthWeek == 1 || Math.floorMod(ChronoUnit.WEEKS.between(anchorMonday(), monday(day)), everyNthWeek) == 0;
    }

    private LocalDate nextCountedWeek(LocalDate day) {
        long weeks = ChronoUnit.WEEKS.between(anchorMonday(), monday(day));
        return anchorMonday().plusWeeks((Math.floorDiv(weeks, everyNthWeek) + 1) * everyNthWeek);
    }

    private LocalDate anchorMonday() {
        return monday(LocalDateTime.ofInstant(startAt, zone).toLocalDate());
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static ExecutionTime cron(String expression) {
        try {
            return ExecutionTime.forCron(PARSER.parse(expression.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec.schedule: " + quote(expression) + " is not a 5-field cron expression "
                    + "(minute hour day-of-month month day-of-week): " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(String timeZone) {
        if (blank(timeZone)) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spec.timeZone: " + quote(timeZone) + " is not an IANA time zone (e.g. Europe/Berlin)", e);
        }
    }

    private static Instant startAt(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException withoutOffset) {
            // a time without offset is a wall time in spec.timeZone
        }
        try {
            return ZonedDateTime.ofLocal(LocalDateTime.parse(text), zone, null).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("spec.startAt: " + quote(text) + " is not an RFC 3339 time (e.g. 2026-12-01T09:00:00+01:00)", e);
        }
    }

    private static String quote(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
