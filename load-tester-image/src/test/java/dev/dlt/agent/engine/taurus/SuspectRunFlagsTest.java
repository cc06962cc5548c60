package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which runs that bzt ended on its own the worker report flags (the real bzt shows {@code ONLY_ERRORS}
 * in {@link TaurusEngineRealBztTest}; short and empty runs are hard to get from a real JMeter on purpose).
 */
class SuspectRunFlagsTest {

    private static final Duration PLANNED = Duration.ofSeconds(22);

    @Test
    void aFullRunWithSomeSuccessesIsNotFlagged() {
        assertThat(TaurusEngine.flags(status(100, 99), samples(100, Duration.ofSeconds(22)), PLANNED, Duration.ofSeconds(26))).isEmpty();
        // half of ramp-up + hold-for is still acceptable: JMeter's start-up is not load
        assertThat(TaurusEngine.flags(status(100, 0), samples(100, Duration.ofSeconds(11)), PLANNED, Duration.ofSeconds(14))).isEmpty();
    }

    @Test
    void loadThatLastedFarShorterThanPlannedIsAShortRun() {
        // the case: a 22 s test whose samples span 3 s
        assertThat(TaurusEngine.flags(status(100, 0), samples(100, Duration.ofSeconds(3)), PLANNED, Duration.ofSeconds(26)))
                .containsExactly(WorkerReport.SHORT_RUN);
    }

    @Test
    void withoutSampleTimestampsBztsOwnRunTimeCounts() {
        assertThat(TaurusEngine.flags(status(100, 0), samples(100, Duration.ZERO), PLANNED, Duration.ofSeconds(3)))
                .containsExactly(WorkerReport.SHORT_RUN);
        assertThat(TaurusEngine.flags(status(100, 0), samples(100, Duration.ZERO), PLANNED, Duration.ofSeconds(25))).isEmpty();
    }

    @Test
    void noSamplesAndOnlyErrorsAreFlagged() {
        assertThat(TaurusEngine.flags(status(0, 0), samples(0, Duration.ZERO), PLANNED, Duration.ofSeconds(25)))
                .containsExactly(WorkerReport.NO_SAMPLES);
        assertThat(TaurusEngine.flags(status(40, 40), samples(40, Duration.ofSeconds(2)), PLANNED, Duration.ofSeconds(25)))
                .containsExactly(WorkerReport.ONLY_ERRORS, WorkerReport.SHORT_RUN);
    }

    private static FinalStatus status(long samples, long failed) {
        GroupStats overall = new GroupStats(samples, 1, samples - failed, failed, 0.01, 0, 0, 0, 0, Map.of(), null);
        return new FinalStatus(22, Map.of(FinalStatus.OVERALL, overall));
    }

    private static KpiJtlReader.Samples samples(long count, Duration span) {
        long start = 1_796_000_000_000L;
        return span.isZero() ? new KpiJtlReader.Samples(new LatencyHistograms(), count)
                : new KpiJtlReader.Samples(new LatencyHistograms(), count, start, start + span.toMillis());
    }
}
