package dev.dlt.results.histogram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Response-time histograms per label, in microseconds, that merge exactly: the sidecar of a Taurus
 * report from which merged percentiles are computed. Serialized as JSON with each histogram in
 * HdrHistogram's compressed encoding, base64.
 */
public final class LatencyHistograms {

    public static final String FORMAT = "dlt-latency-histograms/1";
    /** One hour: slower responses are recorded as one hour. */
    public static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;
    /** Three significant digits: a recorded value is off by at most 0.1 %. */
    public static final int SIGNIFICANT_DIGITS = 3;
    /** A sidecar bigger than this is refused. */
    public static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Histogram> byLabel = new LinkedHashMap<>();

    public static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Clamps a response time into the trackable range. */
    public static long clamp(long micros) {
        return Math.max(0, Math.min(HIGHEST_TRACKABLE_MICROS, micros));
    }

    public void put(String label, Histogram histogram) {
        byLabel.put(label, histogram);
    }

    public Optional<Histogram> get(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }

    public Map<String, Histogram> asMap() {
        return Collections.unmodifiableMap(byLabel);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("unit", "microseconds");
        root.put("significantDigits", SIGNIFICANT_DIGITS);
        ObjectNode labels = root.putObject("labels");
        for (Map.Entry<String, Histogram> entry : byLabel.entrySet()) {
            Histogram h = entry.getValue();
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            labels.put(entry.getKey(), Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize histograms", e);
        }
    }

    /** Decodes a histogram file; anything that is not a well-formed one within the limits is an IOException naming the problem. */
    public static LatencyHistograms fromJson(byte[] json) throws IOException {
        if (json.length > MAX_JSON_BYTES) {
            throw new IOException("histogram file is bigger than " + MAX_JSON_BYTES + " bytes");
        }
        try (HistogramDecoder decoder = new HistogramDecoder()) {
            LatencyHistograms result = new LatencyHistograms();
            new HistogramSidecarReader(decoder).read(new java.io.ByteArrayInputStream(json))
                    .forEach((label, sparse) -> result.put(label, sparse.toHistogram()));
            return result;
        } catch (HistogramFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
