package dev.dlt.results.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {

    @Test
    void jsonRoundTripKeepsEveryCount() throws Exception {
        Histogram a = LatencyHistograms.newHistogram();
        for (long v = 1; v <= 100_000; v += 7) {
            a.recordValue(v);
        }
        Histogram b = LatencyHistograms.newHistogram();
        b.recordValue(LatencyHistograms.clamp(Long.MAX_VALUE));
        LatencyHistograms histograms = new LatencyHistograms();
        histograms.put("a \"label\"", a);
        histograms.put("", b);

        LatencyHistograms read = LatencyHistograms.fromJson(histograms.toJson());

        assertThat(read.asMap()).containsOnlyKeys("a \"label\"", "");
        assertThat(read.get("a \"label\"").orElseThrow()).isEqualTo(a);
        assertThat(read.get("").orElseThrow().getMaxValue()).isEqualTo(b.getMaxValue());
    }

    @Test
    void refusesForeignOrBrokenDocuments() {
        assertThatThrownBy(() -> LatencyHistograms.fromJson("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("dlt-latency-histograms/1");
        assertThatThrownBy(() -> LatencyHistograms.fromJson(
                "{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"x\":\"AAAA\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("label 'x'");
    }
}
