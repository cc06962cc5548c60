package dev.dlt.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.LoadTestSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A scheduled time that has come: late starts within the deadline, never a burst after an outage. */
class DueRunTest {

    private final RunSchedule everyMinute = RunScheduleTest.schedule("* * * * *", "UTC");

    @Test
    void nothingIsDueBeforeItsTime() {
        assertThat(DueRun.at(everyMinute, Instant.parse("2026-11-30T10:01:00Z"), Instant.parse("2026-11-30T10:00:59Z"))).isEmpty();
        assertThat(DueRun.at(everyMinute, null, Instant.parse("2026-11-30T10:00:59Z"))).isEmpty();
    }

    @Test
    void aTimeThatHasComeStartsAndTheNextIsAfterNow() {
        DueRun due = DueRun.at(everyMinute, Instant.parse("2026-11-30T10:01:00Z"), Instant.parse("2026-11-30T10:01:00.200Z")).orElseThrow();
        assertThat(due.time()).isEqualTo(Instant.parse("2026-11-30T10:01:00Z"));
        assertThat(due.startable()).isTrue();
        assertThat(due.missedEarlier()).isFalse();
        assertThat(due.next()).isEqualTo(Instant.parse("2026-11-30T10:02:00Z"));
    }

    @Test
    void anOperatorDownForHoursStartsOnlyTheLatestTimeWithinTheDeadline() {
        // status said 10:01 was next; the operator comes back at 13:03:30, 182 scheduled times later
        DueRun due = DueRun.at(everyMinute, Instant.parse("2026-11-30T10:01:00Z"), Instant.parse("2026-11-30T13:03:30Z")).orElseThrow();
        assertThat(due.time()).isEqualTo(Instant.parse("2026-11-30T13:03:00Z"));
        assertThat(due.startable()).isTrue();
        assertThat(due.missedEarlier()).isTrue();
        assertThat(due.next()).isEqualTo(Instant.parse("2026-11-30T13:04:00Z"));
    }

    @Test
    void aDailyRunMissedByMoreThanTheDeadlineIsSkippedNotStartedLate() {
        RunSchedule daily = RunScheduleTest.schedule("0 9 * * *", "Europe/Berlin");
        DueRun due = DueRun.at(daily, Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:06:00Z")).orElseThrow();
        assertThat(due.startable()).isFalse();
        assertThat(due.next()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        DueRun inTime = DueRun.at(daily, Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:04:59Z")).orElseThrow();
        assertThat(inTime.startable()).isTrue();
    }

    @Test
    void aLongerStartingDeadlineStartsLater() {
        LoadTestSpec spec = RunScheduleTest.spec("0 9 * * *", "UTC");
        spec.setStartingDeadline("2h");
        RunSchedule daily = RunSchedule.of(spec).orElseThrow();
        DueRun due = DueRun.at(daily, Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-11-30T10:30:00Z")).orElseThrow();
        assertThat(due.startable()).isTrue();
        assertThat(due.time()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }
}
