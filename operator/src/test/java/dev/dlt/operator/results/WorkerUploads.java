package dev.dlt.operator.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.OpenModelReport;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.layout.WorkerReportFile;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.nio.charset.StandardCharsets;

/** Writes workers' files into a store the way the agent does: histograms and Taurus XML, then the report last. */
final class WorkerUploads {

    static final String BUCKET = "bucket";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;

    WorkerUploads(ObjectStore store) {
        this.store = store;
    }

    /** A worker that sent {@code samples} requests per label of {@code micros} each (1 in 10 failed with a 503). */
    RecordedResults record(String[] labels, int samples, long micros) {
        ResultRecorder recorder = new ResultRecorder();
        for (String label : labels) {
            for (int i = 0; i < samples; i++) {
                boolean ok = i % 10 != 0;
                recorder.record(label, micros + i, micros / 2, 10, 100, ok ? "200" : "503", ok);
            }
        }
        return recorder.snapshot(10);
    }

    void upload(ResultKeys keys, String workerId, RecordedResults results, long startedAt) {
        xml(keys, workerId, TaurusXmlWriter.toBytes(results.status()));
        histograms(keys, workerId, results.histograms().toJson());
        report(keys, workerId, startedAt, startedAt + 10_000);
    }

    /** As today's agent: also the histograms inside the report, which a collector then reads instead of the .hdr.json. */
    void uploadWithHistogramsInReport(ResultKeys keys, String workerId, RecordedResults results, long startedAt) {
        xml(keys, workerId, TaurusXmlWriter.toBytes(results.status()));
        histograms(keys, workerId, results.histograms().toJson());
        try {
            store.put(BUCKET, keys.workerFile(workerId, ResultKeys.REPORT), WorkerReportFile.write(reportJson(keys, workerId, startedAt,
                    startedAt + 10_000), results.histograms()), "application/json");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A report whose histograms field holds these bytes, whatever they are. */
    void reportWithHistograms(ResultKeys keys, String workerId, long startedAt, long finishedAt, byte[] histograms) {
        String report = new String(reportJson(keys, workerId, startedAt, finishedAt), StandardCharsets.UTF_8);
        String withHistograms = report.substring(0, report.lastIndexOf('}')) + ",\"" + WorkerReportFile.HISTOGRAMS + "\":"
                + new String(histograms, StandardCharsets.UTF_8) + "}";
        store.put(BUCKET, keys.workerFile(workerId, ResultKeys.REPORT), withHistograms.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    void xml(ResultKeys keys, String workerId, byte[] xml) {
        store.put(BUCKET, keys.workerFile(workerId, ResultKeys.XML), xml, "application/xml");
    }

    void xml(ResultKeys keys, String workerId, String xml) {
        xml(keys, workerId, xml.getBytes(StandardCharsets.UTF_8));
    }

    void histograms(ResultKeys keys, String workerId, byte[] json) {
        store.put(BUCKET, keys.workerFile(workerId, ResultKeys.HISTOGRAMS), json, "application/json");
    }

    /** An open-model worker: its service-time histograms, then its report with what its schedule asked for and did. */
    void openModel(ResultKeys keys, String workerId, RecordedResults service, OpenModelReport open, long startedAt) {
        store.put(BUCKET, keys.workerFile(workerId, ResultKeys.SERVICE_HISTOGRAMS), service.histograms().toJson(), "application/json");
        try {
            store.put(BUCKET, keys.workerFile(workerId, ResultKeys.REPORT), JSON.writeValueAsBytes(new WorkerReport(workerId,
                    keys.region(), "native", startedAt, startedAt - 100, startedAt, startedAt + 10_000, 0, WorkerReport.COMPLETED, null,
                    null, 0, 0, open)), "application/json");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void report(ResultKeys keys, String workerId, long startedAt, long finishedAt) {
        store.put(BUCKET, keys.workerFile(workerId, ResultKeys.REPORT), reportJson(keys, workerId, startedAt, finishedAt), "application/json");
    }

    private static byte[] reportJson(ResultKeys keys, String workerId, long startedAt, long finishedAt) {
        try {
            return JSON.writeValueAsBytes(new WorkerReport(workerId, keys.region(), "native", startedAt, startedAt - 100, startedAt, finishedAt,
                    0, WorkerReport.COMPLETED, null));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
