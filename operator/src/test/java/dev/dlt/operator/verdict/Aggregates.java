package dev.dlt.operator.verdict;

import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.ResultAggregator;
import dev.dlt.results.aggregate.WorkerResult;
import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.TaurusXmlReader;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.util.ArrayList;
import java.util.List;

/** Worker results recorded sample by sample and sent through the wire formats, merged as the operator merges them. */
final class Aggregates {

    private final List<WorkerResult> workers = new ArrayList<>();

    /** A worker whose samples are added by {@code samples}. */
    Aggregates worker(String id, java.util.function.Consumer<ResultRecorder> samples) {
        ResultRecorder recorder = new ResultRecorder();
        samples.accept(recorder);
        RecordedResults recorded = recorder.snapshot(10);
        try {
            workers.add(new WorkerResult(id, "r", TaurusXmlReader.read(TaurusXmlWriter.toBytes(recorded.status())),
                    LatencyHistograms.fromJson(recorded.histograms().toJson())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Every worker merged, over 10 s. */
    AggregateResult merged() {
        return new ResultAggregator().aggregate(workers, 10);
    }

    /** One worker alone, as a per-worker check would see it. */
    AggregateResult only(String id) {
        return new ResultAggregator().aggregate(workers.stream().filter(w -> w.workerId().equals(id)).toList(), 10);
    }

    /** {@code count} samples of {@code label} taking {@code ms} each; {@code failed} of them fail with a 500. */
    static void samples(ResultRecorder recorder, String label, int count, long ms, int failed) {
        for (int i = 0; i < count; i++) {
            boolean ok = i >= failed;
            recorder.record(label, ms * 1000, ms * 500, 0, 100, ok ? "200" : "500", ok);
        }
    }
}
