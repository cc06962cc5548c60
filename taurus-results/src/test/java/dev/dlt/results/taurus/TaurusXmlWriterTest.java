package dev.dlt.results.taurus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TaurusXmlWriterTest {

    @Test
    void roundTripsEveryField() throws Exception {
        Map<String, GroupStats> groups = new LinkedHashMap<>();
        groups.put("checkout <POST> & \"pay\"", group(120, 7, 0.12345));
        groups.put("", group(240, 7, 0.5));
        FinalStatus written = new FinalStatus(61.25, groups);

        FinalStatus read = TaurusXmlReader.read(TaurusXmlWriter.toBytes(written));

        assertThat(read).isEqualTo(written);
    }

    @Test
    void realReportRoundTripsThroughTheWriter() throws Exception {
        FinalStatus original = TaurusXmlReader.read(TaurusXmlReaderTest.resource("viveknalubandu-pipeline-project-1__aggregate-results-3.xml"));
        assertThat(TaurusXmlReader.read(TaurusXmlWriter.toBytes(original))).isEqualTo(original);
    }

    @Test
    void writesTheTaurusShape() {
        String xml = TaurusXmlWriter.toXml(new FinalStatus(1.0, Map.of("", group(3, 1, 0.25))));
        assertThat(xml).startsWith("<?xml version='1.0' encoding='UTF-8'?>\n<FinalStatus>")
                .contains("<throughput value=\"3\">\n      <name>throughput</name>\n      <value>3</value>")
                .contains("<rc value=\"1\" param=\"ConnectException\">\n      <name>rc/ConnectException</name>")
                .contains("<perc value=\"0.25000\" param=\"95.0\">\n      <name>perc/95.0</name>");
    }

    private static GroupStats group(long n, long fails, double p95) {
        TreeMap<Double, Double> perc = new TreeMap<>(Map.of(0.0, 0.001, 50.0, 0.1, 95.0, p95, 100.0, 1.5));
        Map<String, Long> rc = new LinkedHashMap<>();
        rc.put("200", n - fails - 1);
        rc.put("500", fails);
        rc.put("ConnectException", 1L);
        return new GroupStats(n, 4, n - fails - 1, fails + 1, 0.12346, 0.05, 0.1, 0.00125, 123456789L, rc, perc);
    }
}
