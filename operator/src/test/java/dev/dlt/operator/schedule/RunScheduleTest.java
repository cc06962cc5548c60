package dev.dlt.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.RunTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scheduled times: cron on the wall clock of a time zone, DST changes, month ends, Feb 29, biweekly, startAt. */
class RunScheduleTest {

    @Test
    void springForwardRunsAWallTimeInTheGapOnceAtTheSameOffsetAfterTheJump() {
        // Europe/Berlin jumps from 02:00 CET to 03:00 CEST on 2026-03-29: 02:30 does not exist that day
        assertThat(times(schedule("30 2 * * *", "Europe/Berlin"), "2026-03-28T00:00:00Z", 3))
                .containsExactly("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z");
        // America/New_York jumps on 2026-03-08
        assertThat(times(schedule("30 2 * * *", "America/New_York"), "2026-03-07T12:00:00Z", 3))
                .containsExactly("2026-03-08T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z");
    }

    @Test
    void anHourlyScheduleDoesNotRunTwiceAtTheSpringForwardJump() {
        assertThat(times(schedule("0 * * * *", "Europe/Berlin"), "2026-03-28T23:30:00Z", 4))
                .containsExactly("2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z", "2026-03-29T03:00:00Z");
    }

    @Test
    void fallBackRunsARepeatedWallTimeOnceAtItsFirstOccurrence() {
        // Europe/Berlin goes back from 03:00 CEST to 02:00 CET on 2026-10-25: 02:30 happens twice
        assertThat(times(schedule("30 2 * * *", "Europe/Berlin"), "2026-10-24T00:00:00Z", 3))
                .containsExactly("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
        assertThat(times(schedule("30 1 * * *", "America/New_York"), "2026-10-31T12:00:00Z", 2))
                .containsExactly("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z");
        // an hourly schedule: 02:00 once, then 03:00 CET
        assertThat(times(schedule("0 * * * *", "Europe/Berlin"), "2026-10-24T23:30:00Z", 3))
                .containsExactly("2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z");
    }

    @Test
    void theDay31OnlyRunsInMonthsThatHaveIt() {
        assertThat(times(schedule("0 9 31 * *", "UTC"), "2026-01-01T00:00:00Z", 4))
                .containsExactly("2026-01-31T09:00:00Z", "2026-03-31T09:00:00Z", "2026-05-31T09:00:00Z", "2026-07-31T09:00:00Z");
    }

    @Test
    void february29RunsInLeapYearsOnly() {
        assertThat(times(schedule("0 9 29 2 *", "UTC"), "2026-01-01T00:00:00Z", 2)).containsExactly("2028-02-29T09:00:00Z",
                "2032-02-29T09:00:00Z");
    }

    @Test
    void aScheduleThatNeverMatchesHasNoNextTime() {
        assertThat(schedule("0 9 30 2 *", "UTC").nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void theTimeZoneDecidesTheInstant() {
        assertThat(times(schedule("0 9 * * *", "Asia/Tokyo"), "2026-06-01T00:00:00Z", 1)).containsExactly("2026-06-02T00:00:00Z");
        assertThat(times(schedule("0 9 * * *", "America/New_York"), "2026-06-01T00:00:00Z", 1)).containsExactly("2026-06-01T13:00:00Z");
        assertThat(times(schedule("0 9 * * *", null), "2026-06-01T00:00:00Z", 1)).containsExactly("2026-06-01T09:00:00Z");
    }

    @Test
    void dltRecurrencesDailyWeeklyMonthly() {
        assertThat(times(schedule("0 9 * * *", "UTC"), "2026-11-30T10:00:00Z", 2)).containsExactly("2026-12-01T09:00:00Z",
                "2026-12-02T09:00:00Z");
        assertThat(times(schedule("0 9 * * 1", "UTC"), "2026-11-30T10:00:00Z", 2)).containsExactly("2026-12-07T09:00:00Z",
                "2026-12-14T09:00:00Z");
        assertThat(times(schedule("0 9 1 * *", "UTC"), "2026-11-30T10:00:00Z", 2)).containsExactly("2026-12-01T09:00:00Z",
                "2027-01-01T09:00:00Z");
    }

    @Test
    void biweeklyCountsWeeksFromTheWeekOfStartAt() {
        LoadTestSpec spec = spec("0 9 * * 1", "Europe/Berlin");
        spec.setStartAt("2026-12-07T09:00:00+01:00"); // a Monday
        spec.setEveryNthWeek(2);
        RunSchedule biweekly = RunSchedule.of(spec).orElseThrow();
        assertThat(times(biweekly, "2026-11-01T00:00:00Z", 4))
                .containsExactly("2026-12-07T08:00:00Z", "2026-12-21T08:00:00Z", "2027-01-04T08:00:00Z", "2027-01-18T08:00:00Z");
        // Tuesdays and Thursdays of every other week, the week of startAt counted even though startAt is on its Wednesday
        spec.setSchedule("0 18 * * 2,4");
        spec.setStartAt("2026-12-09T00:00:00+01:00");
        assertThat(times(RunSchedule.of(spec).orElseThrow(), "2026-11-01T00:00:00Z", 3))
                .containsExactly("2026-12-10T17:00:00Z", "2026-12-22T17:00:00Z", "2026-12-24T17:00:00Z");
    }

    @Test
    void startAtAloneRunsOnceAndAWallTimeWithoutOffsetIsInTheTimeZone() {
        LoadTestSpec spec = spec(null, "Europe/Berlin");
        spec.setStartAt("2026-12-01T09:00:00");
        RunSchedule once = RunSchedule.of(spec).orElseThrow();
        assertThat(once.trigger()).isEqualTo(RunTrigger.StartAt);
        assertThat(once.first(null, Instant.parse("2026-12-05T00:00:00Z"))).as("due even when past: the deadline decides")
                .contains(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(once.first(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-05T00:00:00Z"))).as("handled").isEmpty();
        assertThat(once.nextAfter(Instant.parse("2026-12-01T08:00:00Z"))).isEmpty();
    }

    @Test
    void aScheduleWithStartAtBeginsThere() {
        LoadTestSpec spec = spec("0 9 * * *", "UTC");
        spec.setStartAt("2026-12-10T09:00:00Z");
        RunSchedule schedule = RunSchedule.of(spec).orElseThrow();
        assertThat(schedule.trigger()).isEqualTo(RunTrigger.Schedule);
        assertThat(schedule.first(null, Instant.parse("2026-12-01T00:00:00Z"))).contains(Instant.parse("2026-12-10T09:00:00Z"));
    }

    @Test
    void unreadableFieldsAreNamed() {
        assertThatThrownBy(() -> RunSchedule.of(spec("0 9 * *", "UTC"))).hasMessageStartingWith("spec.schedule: '0 9 * *'");
        assertThatThrownBy(() -> RunSchedule.of(spec("0 9 * * *", "Mars/Olympus"))).hasMessageStartingWith("spec.timeZone:");
        LoadTestSpec noAnchor = spec("0 9 * * 1", "UTC");
        noAnchor.setEveryNthWeek(2);
        assertThatThrownBy(() -> RunSchedule.of(noAnchor)).hasMessageStartingWith("spec.everyNthWeek:");
        LoadTestSpec badStart = spec(null, "UTC");
        badStart.setStartAt("tomorrow");
        assertThatThrownBy(() -> RunSchedule.of(badStart)).hasMessageStartingWith("spec.startAt:");
        assertThat(RunSchedule.of(spec(null, null))).isEmpty();
    }

    @Test
    void theStartingDeadlineDefaultsToFiveMinutes() {
        assertThat(schedule("* * * * *", null).startingDeadline()).isEqualTo(Duration.ofMinutes(5));
        LoadTestSpec spec = spec("* * * * *", null);
        spec.setStartingDeadline("90s");
        assertThat(RunSchedule.of(spec).orElseThrow().startingDeadline()).isEqualTo(Duration.ofSeconds(90));
    }

    static RunSchedule schedule(String cron, String zone) {
        return RunSchedule.of(spec(cron, zone)).orElseThrow();
    }

    static LoadTestSpec spec(String cron, String zone) {
        LoadTestSpec spec = new LoadTestSpec();
        spec.setSchedule(cron);
        spec.setTimeZone(zone);
        return spec;
    }

    private static List<String> times(RunSchedule schedule, String after, int count) {
        List<String> times = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            Optional<Instant> next = schedule.nextAfter(at);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
            times.add(at.toString());
        }
        return times;
    }
}
