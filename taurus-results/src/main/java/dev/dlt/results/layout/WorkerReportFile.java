package dev.dlt.results.layout;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.histogram.HistogramFormatException;
import dev.dlt.results.histogram.HistogramSidecarReader;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A worker's report file ({@code <worker>.json}): the {@link WorkerReport}, and, when they fit within
 * {@link #MAX_BYTES}, its latency histograms under {@value #HISTOGRAMS}, so that a collector reads one
 * object less per worker. The histograms are in {@code <worker>.hdr.json} as well, for collectors that
 * do not know this field and for reports whose histograms do not fit.
 */
public final class WorkerReportFile {

    /** The largest report file a collector reads, histograms included; also what collectors before the field accepted. */
    public static final int MAX_BYTES = 64 * 1024;
    /** The field that holds the histograms, in the format of {@code <worker>.hdr.json} ({@link LatencyHistograms}). */
    public static final String HISTOGRAMS = "histograms";

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A report file as read. */
    public record Contents(WorkerReport report, Map<String, SparseHistogram> histograms) {

        /** Whether the file carried histograms; when not, they are only in {@code <worker>.hdr.json}, if anywhere. */
        public boolean hasHistograms() {
            return histograms != null;
        }
    }

    private WorkerReportFile() {
    }

    /** The report as JSON, with the histograms embedded when the whole stays within {@link #MAX_BYTES}. */
    public static byte[] write(byte[] reportJson, LatencyHistograms histograms) throws IOException {
        JsonNode report = JSON.readTree(reportJson);
        if (!(report instanceof ObjectNode object) || object.has(HISTOGRAMS)) {
            throw new IllegalArgumentException("a report is a JSON object without a '" + HISTOGRAMS + "' field");
        }
        object.set(HISTOGRAMS, JSON.readTree(histograms.toJson()));
        byte[] embedded = JSON.writeValueAsBytes(object);
        return embedded.length <= MAX_BYTES ? embedded : reportJson;
    }

    /**
     * Reads a report file of at most {@link #MAX_BYTES} (the caller bounds the stream).
     *
     * @throws HistogramFormatException when the file has a {@value #HISTOGRAMS} field that is not well-formed histograms
     * @throws IOException              when the report itself is not readable JSON of a report
     */
    public static Contents read(InputStream in, HistogramDecoder decoder) throws IOException, HistogramFormatException {
        JsonNode tree = JSON.readTree(in);
        if (tree == null || !tree.isObject()) {
            throw new IOException("a worker's report is a JSON object");
        }
        WorkerReport report = JSON.treeToValue(tree, WorkerReport.class);
        JsonNode histograms = tree.get(HISTOGRAMS);
        if (histograms == null) {
            return new Contents(report, null);
        }
        try (JsonParser parser = histograms.traverse(JSON)) {
            parser.nextToken();
            return new Contents(report, new HistogramSidecarReader(decoder).read(parser));
        } catch (HistogramFormatException e) {
            throw new HistogramFormatException("the report's " + HISTOGRAMS + ": " + e.getMessage());
        }
    }
}
