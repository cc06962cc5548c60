package dev.dlt.agent.engine.taurus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kpi.jtl as JMeter writes it: quoted labels with commas and quotes, messages over several lines. */
class KpiJtlReaderTest {

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,bytes,"
            + "grpThreads,allThreads,Latency,Hostname,Connect\n";

    @TempDir
    Path tmp;

    @Test
    void readsEverySampleIntoItsLabelAndTheOverallHistogram() throws IOException {
        Path jtl = write(HEADER
                + "1700000000000,120,\"cart, add\",200,OK,shoppers 1-1,true,512,1,1,60,w1,3\n"
                + "1700000000001,80,\"say \"\"hi\"\"\",500,\"Internal Server Error,\nsee log\",shoppers 1-2,false,0,1,1,40,w1,2\r\n"
                + "1700000000002,1500,home,Non HTTP response code: java.net.ConnectException,\"Connection refused\",shoppers 1-1,false,0,1,1,0,w1,1500\r\n"
                + "1700000000003,40,\"cart, add\",200,OK,shoppers 1-1,true,512,1,1,20,w1,0\n"
                + "1700000000004,oops,home,200,OK,shoppers 1-1,true,512,1,1,20,w1,0\n"
                + "1700000000005,7");

        KpiJtlReader.Samples samples = KpiJtlReader.read(jtl);

        assertThat(samples.count()).isEqualTo(4);
        assertThat(samples.histograms().asMap()).containsOnlyKeys("cart, add", "say \"hi\"", "home", "");
        assertCounts(samples, "cart, add", 2, 40, 120);
        assertCounts(samples, "say \"hi\"", 1, 80, 80);
        assertCounts(samples, "home", 1, 1500, 1500);
        assertCounts(samples, "", 4, 40, 1500);
    }

    @Test
    void followsTheDelimiterTheHeaderUses() throws IOException {
        Path jtl = write("timeStamp\telapsed\tlabel\tsuccess\n1\t15\tlogin, step 1\ttrue\n2\t25\tlogin, step 1\ttrue\n");

        assertCounts(KpiJtlReader.read(jtl), "login, step 1", 2, 15, 25);
    }

    @Test
    void anEmptyFileHasNoSamples() throws IOException {
        KpiJtlReader.Samples samples = KpiJtlReader.read(write(""));

        assertThat(samples.count()).isZero();
        assertThat(samples.histograms().get("").orElseThrow().getTotalCount()).isZero();
    }

    @Test
    void aFileWithoutTheColumnsItNeedsIsRefused() throws IOException {
        Path jtl = write("timeStamp,label\n1,home\n");

        assertThatThrownBy(() -> KpiJtlReader.read(jtl)).isInstanceOf(IOException.class)
                .hasMessage("kpi.jtl has no 'elapsed' and 'label' columns in its header: timeStamp,label");
    }

    private static void assertCounts(KpiJtlReader.Samples samples, String label, long count, long minMillis, long maxMillis) {
        Histogram histogram = samples.histograms().get(label).orElseThrow();
        assertThat(histogram.getTotalCount()).as("samples of '%s'", label).isEqualTo(count);
        assertThat(histogram.getMinValue()).isEqualTo(histogram.lowestEquivalentValue(minMillis * 1000));
        assertThat(histogram.getMaxValue()).isEqualTo(histogram.highestEquivalentValue(maxMillis * 1000));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(tmp.resolve("kpi.jtl"), content);
    }
}
