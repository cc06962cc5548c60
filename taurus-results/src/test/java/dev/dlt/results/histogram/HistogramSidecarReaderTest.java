package dev.dlt.results.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramSidecarReaderTest {

    private final HistogramSidecarReader reader = new HistogramSidecarReader(new HistogramDecoder());

    @Test
    void readsWhatTheAgentWrites() throws Exception {
        Histogram home = LatencyHistograms.newHistogram();
        home.recordValueWithCount(1_500, 7);
        home.recordValue(90_000);
        LatencyHistograms written = new LatencyHistograms();
        written.put("home", home);
        written.put("", home);

        Map<String, SparseHistogram> read = reader.read(new ByteArrayInputStream(written.toJson()));

        assertThat(read).containsOnlyKeys("home", "");
        assertThat(read.get("home").totalCount()).isEqualTo(8);
        assertThat(read.get("home").toHistogram()).isEqualTo(home);
    }

    @Test
    void refusesWhatIsNotAHistogramFile() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(HistogramFormatException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"labels\":{}}")).hasMessageContaining("not a dlt-latency-histograms/1 document");
        assertThatThrownBy(() -> read("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":")).hasMessageContaining("not well-formed JSON");
        assertThatThrownBy(() -> read("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":5}}"))
                .hasMessageContaining("label 'a' is not a base64 string");
        assertThatThrownBy(() -> read("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":\"!!!\"}}"))
                .hasMessageContaining("label 'a' is not valid base64");
        String one = Base64.getEncoder().encodeToString(HistogramDecoderTest.encode(LatencyHistograms.newHistogram()));
        assertThatThrownBy(() -> read("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":\"" + one + "\",\"a\":\"" + one + "\"}}"))
                .hasMessageContaining("label 'a' appears twice");
    }

    @Test
    void refusesTooManyLabelsOrTooLongStrings() {
        String one = Base64.getEncoder().encodeToString(HistogramDecoderTest.encode(LatencyHistograms.newHistogram()));
        StringBuilder many = new StringBuilder("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{");
        for (int i = 0; i <= HistogramSidecarReader.MAX_LABELS; i++) {
            many.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"").append(one).append('"');
        }
        assertThatThrownBy(() -> read(many.append("}}").toString())).hasMessageContaining("more than " + HistogramSidecarReader.MAX_LABELS + " labels");
        String longLabel = "x".repeat(2 << 20);
        assertThatThrownBy(() -> read("{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"" + longLabel + "\":\"\"}}"))
                .isInstanceOf(HistogramFormatException.class).hasMessageContaining("not well-formed JSON");
    }

    private Map<String, SparseHistogram> read(String json) throws Exception {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
