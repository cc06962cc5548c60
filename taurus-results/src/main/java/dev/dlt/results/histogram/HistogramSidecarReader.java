package dev.dlt.results.histogram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.dlt.results.check.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streams a worker's histogram file ({@code <worker>.hdr.json}, see {@link LatencyHistograms}) into
 * sparse histograms per label without holding the document, within fixed limits: labels, string
 * sizes and the total number of non-empty buckets.
 */
public final class HistogramSidecarReader {

    /** Labels per file; as many as a Taurus report may have. */
    public static final int MAX_LABELS = 5_000;
    /** Non-empty buckets over all labels of one file: ~12 MB decoded, 21 labels with every bucket used. */
    public static final int MAX_BUCKETS = 1_000_000;
    /** Longest string (label, base64 histogram): a histogram compresses to far less. */
    private static final int MAX_STRING_CHARS = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).maxNestingDepth(16)
                    .maxNumberLength(64).build())
            .build();

    private final HistogramDecoder decoder;

    public HistogramSidecarReader(HistogramDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * @throws HistogramFormatException for anything that is not a well-formed histogram file within the limits
     * @throws IOException              only when reading the stream itself fails
     */
    public Map<String, SparseHistogram> read(InputStream in) throws IOException, HistogramFormatException {
        try (JsonParser json = JSON.createParser(in)) {
            json.nextToken();
            return read(json);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new HistogramFormatException("histogram file is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads the histogram object the parser stands at (its first token already read), e.g. one embedded in a worker's
     * report, within the same limits, and leaves the parser after its end.
     *
     * @throws HistogramFormatException for anything that is not a well-formed histogram object within the limits
     */
    public Map<String, SparseHistogram> read(JsonParser json) throws IOException, HistogramFormatException {
        Map<String, SparseHistogram> labels = new LinkedHashMap<>();
        String format = null;
        try {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw new HistogramFormatException("histogram file is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if ("format".equals(field) && value == JsonToken.VALUE_STRING) {
                    format = json.getText();
                } else if ("labels".equals(field) && value == JsonToken.START_OBJECT) {
                    readLabels(json, labels);
                } else {
                    json.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new HistogramFormatException("histogram file is not well-formed JSON: " + e.getOriginalMessage());
        }
        if (!LatencyHistograms.FORMAT.equals(format)) {
            throw new HistogramFormatException("histogram file is not a " + LatencyHistograms.FORMAT + " document");
        }
        return labels;
    }

    private void readLabels(JsonParser json, Map<String, SparseHistogram> labels) throws IOException, HistogramFormatException {
        int buckets = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String label = json.currentName();
            if (json.nextToken() != JsonToken.VALUE_STRING) {
                throw new HistogramFormatException("histogram of label '" + UntrustedText.shorten(label) + "' is not a base64 string");
            }
            if (labels.containsKey(label)) {
                throw new HistogramFormatException("histogram of label '" + UntrustedText.shorten(label) + "' appears twice");
            }
            if (labels.size() >= MAX_LABELS) {
                throw new HistogramFormatException("histogram file has more than " + MAX_LABELS + " labels");
            }
            byte[] compressed;
            try {
                compressed = json.getBinaryValue();
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new HistogramFormatException("histogram of label '" + UntrustedText.shorten(label) + "' is not valid base64");
            }
            try {
                SparseHistogram histogram = decoder.decode(compressed, MAX_BUCKETS - buckets);
                buckets += histogram.size();
                labels.put(label, histogram);
            } catch (HistogramFormatException e) {
                throw new HistogramFormatException("histogram of label '" + UntrustedText.shorten(label) + "' cannot be decoded: " + e.getMessage());
            }
        }
    }
}
