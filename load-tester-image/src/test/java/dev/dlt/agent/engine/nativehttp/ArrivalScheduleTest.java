package dev.dlt.agent.engine.nativehttp;

import dev.dlt.results.scenario.ArrivalRate;
import dev.dlt.results.scenario.ArrivalRate.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The schedule maths: constant rates, linear ramps, steps, holds at zero, and scaling to a worker's share. */
class ArrivalScheduleTest {

    private static ArrivalSchedule schedule(double start, Stage... stages) {
        return new ArrivalSchedule(new ArrivalRate(start, List.of(stages), 10));
    }

    private static Stage stage(long millis, double target) {
        return new Stage(Duration.ofMillis(millis), target);
    }

    @Test
    void aConstantRateSpacesIterationsEvenlyFromTheStart() {
        ArrivalSchedule s = schedule(10, stage(2_000, 10));

        assertThat(s.iterations()).isEqualTo(20);
        assertThat(s.totalNanos()).isEqualTo(2_000_000_000L);
        for (int i = 0; i < 20; i++) {
            assertThat(s.intendedNanos(i)).isEqualTo(100_000_000L * i);
        }
    }

    @Test
    void aRampFromZeroFollowsTheIntegralOfTheRate() {
        // 0 -> 100/s over 10 s: N(t) = 5 t^2, 500 iterations, iteration i due at sqrt(i / 5)
        ArrivalSchedule s = schedule(0, stage(10_000, 100));

        assertThat(s.iterations()).isEqualTo(500);
        assertThat(s.intendedNanos(0)).isZero();
        assertThat(s.intendedNanos(125)).isCloseTo(5_000_000_000L, within(1L));
        assertThat(s.intendedNanos(320)).isCloseTo(8_000_000_000L, within(1L));
        assertThat(s.dueBy(5_000_000_000L)).isCloseTo(125.0, within(1e-9));
    }

    @Test
    void aRampDownIsTheMirrorOfTheRampUp() {
        // 100 -> 0/s over 10 s: N(t) = 100 t - 5 t^2; N(5) = 375
        ArrivalSchedule s = schedule(100, stage(10_000, 0));

        assertThat(s.iterations()).isEqualTo(500);
        assertThat(s.intendedNanos(375)).isCloseTo(5_000_000_000L, within(1L));
        assertThat(s.intendedNanos(499)).isLessThan(10_000_000_000L);
    }

    @Test
    void aStepChangesTheRateAtOnceAndAHoldAtZeroPausesTheLoad() {
        // 10/s for 1 s, step to 50/s for 1 s, step to 0 for 1 s, step to 20/s for 0.5 s
        ArrivalSchedule s = schedule(10, stage(1_000, 10), stage(0, 50), stage(1_000, 50), stage(0, 0), stage(1_000, 0),
                stage(0, 20), stage(500, 20));

        assertThat(s.iterations()).isEqualTo(10 + 50 + 10);
        assertThat(s.totalNanos()).isEqualTo(3_500_000_000L);
        assertThat(s.intendedNanos(9)).isEqualTo(900_000_000L);
        assertThat(s.intendedNanos(10)).isEqualTo(1_000_000_000L);
        assertThat(s.intendedNanos(11)).isEqualTo(1_020_000_000L);
        assertThat(s.intendedNanos(59)).isEqualTo(1_980_000_000L);
        assertThat(s.intendedNanos(60)).isEqualTo(3_000_000_000L); // nothing is due during the pause
        assertThat(s.intendedNanos(69)).isEqualTo(3_450_000_000L);
    }

    @Test
    void intendedTimesRiseAndInvertTheCountOverManyStages() {
        ArrivalSchedule s = schedule(3, stage(1_700, 250), stage(2_300, 250), stage(900, 17), stage(0, 400), stage(1_300, 5));
        long previous = -1;
        for (long i = 0; i < s.iterations(); i++) {
            long at = s.intendedNanos(i);
            assertThat(at).isGreaterThanOrEqualTo(previous).isLessThan(s.totalNanos());
            assertThat(s.dueBy(at)).isCloseTo(i, within(1e-3));
            previous = at;
        }
        double expected = (3 + 250) / 2.0 * 1.7 + 250 * 2.3 + (250 + 17) / 2.0 * 0.9 + (400 + 5) / 2.0 * 1.3;
        assertThat(s.iterations()).isEqualTo((long) Math.ceil(expected));
    }

    @Test
    void aFractionalTotalCountsTheIterationDueBeforeTheEnd() {
        // 2.5/s for 1 s: iterations due at 0, 0.4 and 0.8 s
        ArrivalSchedule s = schedule(2.5, stage(1_000, 2.5));

        assertThat(s.iterations()).isEqualTo(3);
        assertThat(s.intendedNanos(2)).isEqualTo(800_000_000L);
    }

    @Test
    void scalingToAWorkersShareScalesEveryCount() {
        ArrivalRate test = new ArrivalRate(0, List.of(stage(10_000, 300), stage(5_000, 300)), 50);
        ArrivalSchedule share = new ArrivalSchedule(test.scaled(1.0 / 3));

        // the test's 1500 + 1500 iterations, a third each
        assertThat(share.iterations()).isEqualTo(1000);
        assertThat(share.dueBy(share.totalNanos()) * 3).isCloseTo(3000.0, within(1e-9));
    }
}
