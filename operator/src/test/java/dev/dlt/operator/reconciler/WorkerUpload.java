package dev.dlt.operator.reconciler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.taurus.TaurusXmlWriter;

/**
 * What a finished worker leaves in the bucket, as the agent uploads it: its results XML, its histograms and,
 * last, its report; {@code samples} requests to label "home", each taking {@code micros}.
 */
final class WorkerUpload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkerUpload() {
    }

    static void put(ObjectStore store, ResultKeys keys, int samples, long micros, WorkerReport report) {
        ResultRecorder recorder = new ResultRecorder();
        for (int i = 0; i < samples; i++) {
            recorder.record("home", micros, micros / 2, 0, 100, "200", true);
        }
        RecordedResults results = recorder.snapshot(10);
        String workerId = report.workerId();
        store.put("bucket", keys.workerFile(workerId, ResultKeys.XML), TaurusXmlWriter.toBytes(results.status()), "application/xml");
        store.put("bucket", keys.workerFile(workerId, ResultKeys.HISTOGRAMS), results.histograms().toJson(), "application/json");
        try {
            store.put("bucket", keys.workerFile(workerId, ResultKeys.REPORT), JSON.writeValueAsBytes(report), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
