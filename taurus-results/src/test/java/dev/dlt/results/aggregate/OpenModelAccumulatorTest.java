package dev.dlt.results.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.layout.OpenModelReport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Open-model reports add up across workers, service times merge exactly, and impossible reports are refused. */
class OpenModelAccumulatorTest {

    @Test
    void sumsCountsAndRatesAndMergesServiceTimesExactly() {
        OpenModelAccumulator accumulator = new OpenModelAccumulator();
        Histogram a = LatencyHistograms.newHistogram();
        Histogram b = LatencyHistograms.newHistogram();
        for (int i = 1; i <= 990; i++) {
            a.recordValue(2_000);
        }
        for (int i = 1; i <= 10; i++) {
            b.recordValue(1_000_000);
        }

        accumulator.add(new OpenModelReport(500, 500, 0, 10, 50), SparseHistogram.of(a));
        accumulator.add(new OpenModelReport(500, 480, 20, 10, 50), SparseHistogram.of(b));

        OpenModelAccumulator.Result result = accumulator.result().orElseThrow();
        assertThat(result.due()).isEqualTo(1_000);
        assertThat(result.dropped()).isEqualTo(20);
        assertThat(result.requestedRate()).isEqualTo(100.0);
        assertThat(result.achievedRate()).isEqualTo(98.0);
        assertThat(result.service().getTotalCount()).isEqualTo(1_000);
        // 1 % of the merged samples took 1 s: exactly what p99.5 sees and p99 does not
        assertThat(result.service().getValueAtPercentile(99)).isEqualTo(a.highestEquivalentValue(2_000));
        assertThat(result.service().getValueAtPercentile(99.5)).isEqualTo(b.highestEquivalentValue(1_000_000));
        assertThat(result.serviceExact()).isTrue();
    }

    @Test
    void aClosedModelRunHasNoResultAndAWorkerWithoutServiceTimesIsSaid() {
        OpenModelAccumulator accumulator = new OpenModelAccumulator();
        assertThat(accumulator.result()).isEmpty();

        accumulator.add(new OpenModelReport(10, 10, 0, 1, 10), null);
        assertThat(accumulator.result().orElseThrow().serviceExact()).isFalse();
    }

    @Test
    void refusesReportsThatCannotBeTrue() {
        assertThatThrownBy(() -> OpenModelAccumulator.check(new OpenModelReport(10, 11, 0, 1, 10)))
                .isInstanceOf(InvalidResultException.class).hasMessage("it says it sent 11 and dropped 0 of 10 iterations due");
        assertThatThrownBy(() -> OpenModelAccumulator.check(new OpenModelReport(10, 6, 5, 1, 10)))
                .isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> OpenModelAccumulator.check(new OpenModelReport(-1, 0, 0, 1, 10)))
                .isInstanceOf(InvalidResultException.class).hasMessage("its open-model counts are negative");
        assertThatThrownBy(() -> OpenModelAccumulator.check(new OpenModelReport(10, 10, 0, Double.NaN, 10)))
                .isInstanceOf(InvalidResultException.class);
        assertThatThrownBy(() -> OpenModelAccumulator.check(new OpenModelReport(10, 10, 0, 1, Double.POSITIVE_INFINITY)))
                .isInstanceOf(InvalidResultException.class);
    }
}
