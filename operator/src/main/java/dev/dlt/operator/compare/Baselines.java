package dev.dlt.operator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.histogram.HistogramFormatException;
import dev.dlt.results.histogram.HistogramSidecarReader;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.taurus.FinalStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each run's {@link RunBasis} in S3 next to its results, so a later run can compare with it:
 * {@code results/<testId>/<runId>/basis.json} (the figures per label) and {@code basis.hdr.json} (the
 * exact merged histograms, HdrHistogram's compressed encoding in base64, the workers' sidecar format).
 * Reads are bounded and checked: a stored basis is read back as untrusted input.
 */
public class Baselines {

    static final String FORMAT = "dlt-run-basis/1";
    /** Labels kept per run (besides the overall), the busiest first; the comparison covers these. */
    public static final int MAX_LABELS = 100;
    static final long MAX_FIGURES_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final String bucket;

    public Baselines(ObjectStore store, String bucket) {
        this.store = store;
        this.bucket = bucket;
    }

    static String figuresKey(String testId, String runId) {
        return "results/" + testId + "/" + runId + "/basis.json";
    }

    static String histogramsKey(String testId, String runId) {
        return "results/" + testId + "/" + runId + "/basis.hdr.json";
    }

    /** Stores a run's basis; the same keys on every retry. */
    public void save(String testId, RunBasis basis) {
        List<LabelResult> labels = basis.aggregate().labels().stream()
                .sorted((a, b) -> Long.compare(b.requests(), a.requests())).limit(MAX_LABELS).toList();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("runId", basis.runId());
        root.put("durationSeconds", basis.aggregate().durationSeconds());
        root.put("workers", basis.aggregate().workers());
        ArrayNode array = root.putArray("labels");
        array.add(figures(basis.aggregate().overall()));
        labels.forEach(l -> array.add(figures(l)));
        LatencyHistograms histograms = new LatencyHistograms();
        SparseHistogram overall = basis.histograms().get(FinalStatus.OVERALL);
        if (overall != null) {
            histograms.put(FinalStatus.OVERALL, overall.toHistogram());
        }
        labels.stream().filter(l -> basis.histograms().containsKey(l.label()))
                .forEach(l -> histograms.put(l.label(), basis.histograms().get(l.label()).toHistogram()));
        try {
            store.put(bucket, histogramsKey(testId, basis.runId()), histograms.toJson(), "application/json");
            store.put(bucket, figuresKey(testId, basis.runId()), JSON.writeValueAsBytes(root), "application/json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the basis of run " + basis.runId(), e);
        }
    }

    /**
     * The stored basis of a run, or empty when none is stored (a run from before comparisons, or one
     * without results).
     *
     * @throws IOException when what is stored is not a basis within the limits, naming the problem
     */
    public Optional<RunBasis> load(String testId, String runId) throws IOException {
        Optional<InputStream> figures = store.open(bucket, figuresKey(testId, runId), MAX_FIGURES_BYTES);
        if (figures.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try (InputStream in = figures.get()) {
            root = JSON.readTree(in);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("labels").isArray()
                || root.path("labels").size() == 0 || root.path("labels").size() > MAX_LABELS + 1) {
            throw new IOException("basis.json of run " + runId + " is not a " + FORMAT + " document with 1 to " + (MAX_LABELS + 1) + " labels");
        }
        List<LabelResult> labels = new ArrayList<>();
        for (JsonNode node : root.path("labels")) {
            labels.add(label(node, runId));
        }
        Map<String, SparseHistogram> histograms = Map.of();
        Optional<InputStream> hdr = store.open(bucket, histogramsKey(testId, runId), LatencyHistograms.MAX_JSON_BYTES);
        if (hdr.isPresent()) {
            try (InputStream in = hdr.get(); HistogramDecoder decoder = new HistogramDecoder()) {
                histograms = new HistogramSidecarReader(decoder).read(in);
            } catch (HistogramFormatException e) {
                throw new IOException("basis.hdr.json of run " + runId + ": " + e.getMessage(), e);
            }
        }
        double duration = root.path("durationSeconds").asDouble();
        AggregateResult aggregate = new AggregateResult(labels.getFirst(), labels.subList(1, labels.size()),
                root.path("workers").asInt(), Double.isFinite(duration) ? duration : 0);
        return Optional.of(new RunBasis(runId, aggregate, histograms));
    }

    private static ObjectNode figures(LabelResult l) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", l.label());
        node.put("requests", l.requests());
        node.put("failures", l.fail());
        node.put("rps", l.rps());
        node.put("avgMs", l.avgRtMs());
        node.put("p50Ms", l.p50Ms());
        node.put("p90Ms", l.p90Ms());
        node.put("p95Ms", l.p95Ms());
        node.put("p99Ms", l.p99Ms());
        node.put("p999Ms", l.p999Ms());
        node.put("maxMs", l.maxMs());
        node.put("percentilesExact", l.percentilesExact());
        return node;
    }

    private static LabelResult label(JsonNode node, String runId) throws IOException {
        long requests = node.path("requests").asLong(-1);
        long failures = node.path("failures").asLong(-1);
        if (!node.path("label").isTextual() || requests < 0 || failures < 0 || failures > requests) {
            throw new IOException("basis.json of run " + runId + " has a label without a name or with impossible counts");
        }
        String[] names = {"rps", "avgMs", "p50Ms", "p90Ms", "p95Ms", "p99Ms", "p999Ms", "maxMs"};
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = node.path(names[i]).asDouble(-1);
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IOException("basis.json of run " + runId + " has " + names[i] + " that is not a non-negative number");
            }
        }
        return new LabelResult(node.path("label").asText(), requests, requests - failures, failures,
                requests == 0 ? 0 : (double) failures / requests, values[0], values[1], 0, 0, 0, 0, 0, Map.of(), 0,
                values[2], values[3], values[4], values[5], values[6], values[7], node.path("percentilesExact").asBoolean(false));
    }
}
