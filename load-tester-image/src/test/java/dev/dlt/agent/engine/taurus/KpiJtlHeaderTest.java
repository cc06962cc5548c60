package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.results.histogram.LatencyHistograms;
import org.junit.jupiter.api.Test;

/** The kpi.jtl header as JMeter writes it with each of its delimiters, and elapsed milliseconds as histogram microseconds. */
class KpiJtlHeaderTest {

    @Test
    void theDelimiterIsTheOneNextToElapsed() {
        assertThat(KpiJtlHeader.of("timeStamp,elapsed,label").delimiter()).isEqualTo(',');
        assertThat(KpiJtlHeader.of("timeStamp\telapsed\tlabel").delimiter()).isEqualTo('\t');
        assertThat(KpiJtlHeader.of("elapsed;label;success").delimiter()).isEqualTo(';');
        KpiJtlHeader piped = KpiJtlHeader.of("timeStamp|elapsed|label|allThreads");
        assertThat(piped.delimiter()).isEqualTo('|');
        assertThat(piped.column("label")).isEqualTo(2);
        assertThat(piped.column("allThreads")).isEqualTo(3);
        assertThat(piped.column("bytes")).isEqualTo(-1);
        assertThat(piped.hasElapsedAndLabel()).isTrue();
    }

    @Test
    void aHeaderWithoutElapsedAndLabelSplitsOnCommasAndCannotBeRead() {
        KpiJtlHeader header = KpiJtlHeader.of("timeStamp;latency;label");
        assertThat(header.delimiter()).isEqualTo(',');
        assertThat(header.columns()).containsExactly("timeStamp;latency;label");
        assertThat(header.hasElapsedAndLabel()).isFalse();
        assertThat(KpiJtlHeader.of("timeStamp,elapsed,threadName").hasElapsedAndLabel()).isFalse();
    }

    @Test
    void elapsedMillisecondsBecomeMicrosecondsWithinWhatTheHistogramsTrack() {
        assertThat(KpiJtlHeader.elapsedMicros(120)).isEqualTo(120_000);
        assertThat(KpiJtlHeader.elapsedMicros(-5)).isZero();
        assertThat(KpiJtlHeader.elapsedMicros(LatencyHistograms.HIGHEST_TRACKABLE_MICROS / 1000)).isEqualTo(LatencyHistograms.HIGHEST_TRACKABLE_MICROS);
        assertThat(KpiJtlHeader.elapsedMicros(Long.MAX_VALUE)).isEqualTo(LatencyHistograms.HIGHEST_TRACKABLE_MICROS);
    }
}
