package dev.dlt.localcloud.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.results.histogram.LatencyHistograms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostileOutputTest {

    @ParameterizedTest
    @EnumSource(HostileOutput.class)
    void theDeclaredLengthIsTheLengthOfTheContent(HostileOutput output) throws IOException {
        HostileOutput.Upload xml = output.xml();
        try (InputStream in = xml.content().open()) {
            assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(xml.length());
        }
    }

    @Test
    void eachXmlVariantCarriesItsAttack() throws IOException {
        assertThat(text(HostileOutput.XML_DTD)).contains("<!ENTITY leak SYSTEM \"file:///etc/passwd\">").contains("&leak;");
        assertThat(text(HostileOutput.XML_ENTITY_EXPANSION)).contains("<!ENTITY lol9").contains("&lol9;");
        assertThat(text(HostileOutput.XML_TRUNCATED)).startsWith("<?xml").doesNotContain("</FinalStatus>");
        assertThat(text(HostileOutput.XML_1E30)).contains("<value>1e30</value>").doesNotContain("<value>1000</value>");
        assertThat(text(HostileOutput.XML_NAN)).contains("<value>NaN</value>");
        assertThat(HostileOutput.XML_450_MB.xml().length()).isEqualTo(450L * 1024 * 1024);
    }

    @Test
    void theXmlVariantsComeWithAnHonestHistogramOfTheirSamples() throws IOException {
        LatencyHistograms histograms = LatencyHistograms.fromJson(HostileOutput.XML_NAN.histograms());
        assertThat(histograms.get(HostileOutput.LABEL)).hasValueSatisfying(h -> assertThat(h.getTotalCount()).isEqualTo(1000));
    }

    @Test
    void theForgedLengthClaimsTwoGigabytes() throws IOException {
        byte[] encoded = firstHistogram(HostileOutput.HISTOGRAM_FORGED_LENGTH.histograms());
        assertThat(ByteBuffer.wrap(encoded).getInt(4)).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> LatencyHistograms.fromJson(HostileOutput.HISTOGRAM_FORGED_LENGTH.histograms())).isNotNull();
    }

    @Test
    void theForgedRangeDecodesToAHistogramFarBeyondTheFormat() throws Exception {
        byte[] json = HostileOutput.HISTOGRAM_FORGED_RANGE.histograms();
        assertThat(new ObjectMapper().readTree(json).path("labels").size()).isEqualTo(200);
        Histogram one = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(firstHistogram(json)), 0);
        assertThat(one.getNumberOfSignificantValueDigits()).isEqualTo(5);
        assertThat(one.getHighestTrackableValue()).isGreaterThanOrEqualTo(1L << 62);
    }

    private static String text(HostileOutput output) throws IOException {
        try (InputStream in = output.xml().content().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] firstHistogram(byte[] json) throws IOException {
        return Base64.getDecoder().decode(new ObjectMapper().readTree(json).path("labels").elements().next().asText());
    }
}
