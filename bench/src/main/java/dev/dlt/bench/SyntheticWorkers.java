package dev.dlt.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.layout.WorkerReportFile;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Workers' results as the agent uploads them (histograms, Taurus XML, then the report), with
 * latencies that differ per worker and per label, and every sample kept to compute the true pooled percentiles.
 */
final class SyntheticWorkers {

    static final String OVERALL = "<overall>";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final String bucket;
    private final RunPlan plan;
    private final int labels;
    private final int samples;
    private final Map<String, long[]> truth = new HashMap<>();

    SyntheticWorkers(ObjectStore store, String bucket, RunPlan plan, int labels, int samples) {
        this.store = store;
        this.bucket = bucket;
        this.plan = plan;
        this.labels = labels;
        this.samples = samples;
    }

    void upload() throws Exception {
        ResultKeys keys = plan.keys(plan.regions().get(0));
        int workers = plan.desiredWorkers();
        long[] overall = new long[workers * labels * samples];
        for (int l = 0; l < labels; l++) {
            truth.put("label-" + l, new long[workers * samples]);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Future<?>[] uploads = new Future<?>[workers];
            Random random = new Random(1000);
            for (int w = 0; w < workers; w++) {
                ResultRecorder recorder = new ResultRecorder();
                double median = 2_000 * (1 + w % 17);
                for (int l = 0; l < labels; l++) {
                    long[] values = truth.get("label-" + l);
                    for (int s = 0; s < samples; s++) {
                        long micros = Math.max(50, Math.round(median * (1 + l / 10.0) * Math.exp(random.nextGaussian())));
                        recorder.record("label-" + l, micros, micros / 2, 20, 512, s % 50 == 0 ? "503" : "200", s % 50 != 0);
                        values[w * samples + s] = micros;
                        overall[(w * labels + l) * samples + s] = micros;
                    }
                }
                String id = "w" + w;
                long startedAt = 1_800_000_000_000L + w;
                RecordedResults results = recorder.snapshot(300);
                uploads[w] = pool.submit(() -> {
                    store.put(bucket, keys.workerFile(id, ResultKeys.HISTOGRAMS), results.histograms().toJson(), "application/json");
                    store.put(bucket, keys.workerFile(id, ResultKeys.XML), TaurusXmlWriter.toBytes(results.status()), "application/xml");
                    store.put(bucket, keys.workerFile(id, ResultKeys.REPORT), WorkerReportFile.write(JSON.writeValueAsBytes(new WorkerReport(id,
                            keys.region(), "native", startedAt, startedAt - 100, startedAt, startedAt + 300_000, 0, WorkerReport.COMPLETED, null)),
                            results.histograms()), "application/json");
                    return null;
                });
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        }
        truth.put(OVERALL, overall);
        truth.values().forEach(Arrays::sort);
    }

    Map<String, long[]> pooledTruth() {
        return truth;
    }
}
