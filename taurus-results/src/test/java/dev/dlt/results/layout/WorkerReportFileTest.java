package dev.dlt.results.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.histogram.HistogramFormatException;
import dev.dlt.results.histogram.LatencyHistograms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WorkerReportFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkerReport REPORT = new WorkerReport("w1", "eks", "native", 1, 2, 3, 4, 9, WorkerReport.COMPLETED, null,
            List.of(WorkerReport.SHORT_RUN), 5, 6);

    @Test
    void embedsTheHistogramsAndReadsThemBack() throws Exception {
        Histogram home = LatencyHistograms.newHistogram();
        home.recordValueWithCount(1_500, 7);
        home.recordValue(90_000);
        LatencyHistograms histograms = new LatencyHistograms();
        histograms.put("home", home);
        histograms.put("", home);

        byte[] file = WorkerReportFile.write(JSON.writeValueAsBytes(REPORT), histograms);
        WorkerReportFile.Contents read = read(file);

        assertThat(read.report()).isEqualTo(REPORT);
        assertThat(read.hasHistograms()).isTrue();
        assertThat(read.histograms()).containsOnlyKeys("home", "");
        assertThat(read.histograms().get("home").toHistogram()).isEqualTo(home);
        // what a collector that does not know the field reads: the same report
        assertThat(new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(file, WorkerReport.class)).isEqualTo(REPORT);
    }

    @Test
    void histogramsThatDoNotFitStayOutOfTheReport() throws Exception {
        LatencyHistograms histograms = new LatencyHistograms();
        for (int label = 0; label < 400; label++) {
            Histogram h = LatencyHistograms.newHistogram();
            for (long v = 1; v < 2_000_000; v = v * 11 / 10 + 1) {
                h.recordValue(v + label);
            }
            histograms.put("label-" + label, h);
        }
        byte[] plain = JSON.writeValueAsBytes(REPORT);
        assertThat(histograms.toJson().length).isGreaterThan(WorkerReportFile.MAX_BYTES);

        byte[] file = WorkerReportFile.write(plain, histograms);

        assertThat(file).isEqualTo(plain);
        assertThat(read(file).hasHistograms()).isFalse();
        assertThat(read(file).report()).isEqualTo(REPORT);
    }

    @Test
    void aReportWithoutTheFieldHasNoHistograms() throws Exception {
        WorkerReportFile.Contents read = read(JSON.writeValueAsBytes(REPORT));
        assertThat(read.report()).isEqualTo(REPORT);
        assertThat(read.hasHistograms()).isFalse();
    }

    @Test
    void refusesHistogramsThatAreNotHistograms() {
        String report = "{\"workerId\":\"w1\",\"startedAtMs\":3,\"histograms\":";
        for (String[] bad : new String[][] {
                {"null", "not a JSON object"},
                {"\"x\"", "not a JSON object"},
                {"{\"labels\":{}}", "not a dlt-latency-histograms/1 document"},
                {"{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":5}}", "label 'a' is not a base64 string"},
                {"{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":\"!!!\"}}", "label 'a' is not valid base64"},
                {"{\"format\":\"dlt-latency-histograms/1\",\"labels\":{\"a\":\"AAAA\"}}", "label 'a' cannot be decoded"}}) {
            assertThatThrownBy(() -> read((report + bad[0] + "}").getBytes(StandardCharsets.UTF_8))).as(bad[0])
                    .isInstanceOf(HistogramFormatException.class).hasMessageContaining("the report's histograms").hasMessageContaining(bad[1]);
        }
    }

    @Test
    void refusesWhatIsNotAReport() {
        assertThatThrownBy(() -> read("[1]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> read("{\"workerId\":".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"startedAtMs\":\"soon\"}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WorkerReportFile.write("{\"histograms\":1}".getBytes(StandardCharsets.UTF_8), new LatencyHistograms()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WorkerReportFile.Contents read(byte[] file) throws Exception {
        try (HistogramDecoder decoder = new HistogramDecoder()) {
            return WorkerReportFile.read(new ByteArrayInputStream(file), decoder);
        }
    }
}
