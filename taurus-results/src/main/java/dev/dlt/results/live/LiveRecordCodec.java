package dev.dlt.results.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.results.check.UntrustedText;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.histogram.HistogramFormatException;
import dev.dlt.results.histogram.SparseHistogram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link LiveRecord}. Decoding treats the bytes as untrusted: bounded size, label
 * and code counts, every number checked, histograms decoded by {@link HistogramDecoder}; anything
 * else is an IOException that names the problem.
 */
public final class LiveRecordCodec {

    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_LABELS = 200;
    public static final int MAX_CODES = 100;
    public static final int MAX_BUCKETS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveRecordCodec() {
    }

    public static byte[] toJson(LiveRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", LiveRecord.FORMAT);
        root.put("workerId", record.workerId());
        root.put("region", record.region());
        root.put("startedAtMs", record.startedAtMs());
        root.put("intervalMs", record.intervalMs());
        root.put("seq", record.seq());
        root.put("atMs", record.atMs());
        root.put("users", record.users());
        root.put("finished", record.finished());
        labels(root.putObject("cumulative"), record.cumulative());
        var recent = root.putArray("recent");
        for (IntervalSnapshot interval : record.recent()) {
            ObjectNode node = recent.addObject();
            node.put("index", interval.index());
            node.put("users", interval.users());
            labels(node.putObject("labels"), interval.labels());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize a live record", e);
        }
    }

    private static void labels(ObjectNode node, Map<String, LabelInterval> labels) {
        labels.forEach((label, c) -> {
            ObjectNode l = node.putObject(label);
            l.put("requests", c.requests());
            l.put("failures", c.failures());
            l.put("bytes", c.bytes());
            c.codes().forEach(l.putObject("codes")::put);
            l.put("latency", Base64.getEncoder().encodeToString(c.latency().encodeCompressed()));
        });
    }

    public static LiveRecord fromJson(byte[] json) throws IOException {
        if (json.length > MAX_BYTES) {
            throw new IOException("live record is bigger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException("live record is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !LiveRecord.FORMAT.equals(root.path("format").asText())) {
            throw new IOException("live record is not in format " + LiveRecord.FORMAT);
        }
        try (HistogramDecoder decoder = new HistogramDecoder()) {
            long intervalMs = number(root, "intervalMs");
            if (intervalMs < 100) {
                throw new IOException("live record has an interval of " + intervalMs + " ms");
            }
            JsonNode recentNode = root.path("recent");
            if (!recentNode.isArray() || recentNode.size() > LiveRecord.MAX_RECENT) {
                throw new IOException("live record has no list of at most " + LiveRecord.MAX_RECENT + " recent intervals");
            }
            List<IntervalSnapshot> recent = new ArrayList<>();
            for (JsonNode interval : recentNode) {
                recent.add(new IntervalSnapshot(number(interval, "index"), number(interval, "users"),
                        labels(interval.path("labels"), decoder)));
            }
            return new LiveRecord(text(root, "workerId"), text(root, "region"), number(root, "startedAtMs"), intervalMs,
                    number(root, "seq"), number(root, "atMs"), number(root, "users"), root.path("finished").asBoolean(false),
                    labels(root.path("cumulative"), decoder), recent);
        } catch (ArithmeticException e) {
            throw new IOException("live record's counts overflow", e);
        }
    }

    private static Map<String, LabelInterval> labels(JsonNode node, HistogramDecoder decoder) throws IOException {
        if (!node.isObject() || node.size() > MAX_LABELS) {
            throw new IOException("live record has no object of at most " + MAX_LABELS + " labels");
        }
        Map<String, LabelInterval> labels = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String label = UntrustedText.shorten(field.getKey(), 200);
            labels.merge(label, label(label, field.getValue(), decoder), LabelInterval::plus);
        }
        return labels;
    }

    private static LabelInterval label(String label, JsonNode node, HistogramDecoder decoder) throws IOException {
        long requests = number(node, "requests");
        long failures = number(node, "failures");
        if (failures > requests) {
            throw new IOException("label '" + label + "' has more failures than requests");
        }
        JsonNode codesNode = node.path("codes");
        if (codesNode.size() > MAX_CODES) {
            throw new IOException("label '" + label + "' has more than " + MAX_CODES + " response codes");
        }
        Map<String, Long> codes = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = codesNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> code = fields.next();
            if (!code.getValue().canConvertToExactIntegral() || code.getValue().asLong() < 0) {
                throw new IOException("label '" + label + "' has a bad count for code " + UntrustedText.shorten(code.getKey()));
            }
            codes.merge(UntrustedText.shorten(code.getKey()), code.getValue().asLong(), Math::addExact);
        }
        SparseHistogram latency;
        try {
            latency = decoder.decode(Base64.getDecoder().decode(node.path("latency").asText("")), MAX_BUCKETS);
        } catch (IllegalArgumentException | HistogramFormatException e) {
            throw new IOException("label '" + label + "' latency histogram " + e.getMessage(), e);
        }
        if (latency.totalCount() != requests) {
            throw new IOException("label '" + label + "' has " + requests + " requests but " + latency.totalCount() + " latencies");
        }
        return new LabelInterval(requests, failures, number(node, "bytes"), codes, latency);
    }

    private static long number(JsonNode node, String field) throws IOException {
        JsonNode value = node.path(field);
        if (!value.canConvertToExactIntegral() || value.asLong() < 0) {
            throw new IOException("live record field '" + field + "' is not a non-negative integer");
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IOException("live record field '" + field + "' is missing");
        }
        return UntrustedText.shorten(value.asText());
    }
}
