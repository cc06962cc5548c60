package dev.dlt.agent.engine;

import dev.dlt.agent.engine.nativehttp.NativeHttpEngine;
import dev.dlt.agent.scenario.PlanReader;
import dev.dlt.agent.scenario.TestPlan;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** The built-in HTTP engine behind the {@link WorkerEngine} interface: records every sample itself. */
public final class NativeWorkerEngine implements WorkerEngine {

    public static final String NAME = "native";
    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final ResultRecorder recorder = new ResultRecorder();
    private final IntervalRecorder intervals = new IntervalRecorder();
    private TestPlan plan;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void prepare(EngineInput input) throws IOException {
        if (input.config().script() != null) {
            throw new IOException("the native engine runs simple HTTP scenarios only; a JMeter plan needs engine taurus");
        }
        plan = PlanReader.read(input.configJson());
        warmUp();
    }

    /**
     * Initializes the request and recording path before the start instant: the recorder's first
     * sample loads its histogram and JSON classes (about 0.5 s on a fresh JVM), during which every
     * other user's response waited on the one carrier (the first sample of 49 of 50 users was
     * over 100 ms, see bench/README.md). A throwaway recorder takes that sample.
     */
    public static void warmUp() throws IOException {
        NativeHttpEngine.warmUp();
        ResultRecorder throwaway = new ResultRecorder();
        throwaway.record("warm-up", 1, 1, 0, 0, "200", true);
        throwaway.snapshot(1);
    }

    @Override
    public EngineOutput run() throws InterruptedException {
        if (plan.arrival() != null) {
            return runOpen();
        }
        EngineReport report = engine.run(plan, (label, rt, lt, ct, bytes, code, ok) -> {
            recorder.record(label, rt, lt, ct, bytes, code, ok);
            intervals.record(label, rt, bytes, code, ok);
        });
        recorder.concurrency(report.maxConcurrency());
        double seconds = Duration.between(report.startedAt(), report.finishedAt()).toMillis() / 1000.0;
        RecordedResults results = recorder.snapshot(seconds);
        return new EngineOutput(report, TaurusXmlWriter.toBytes(results.status()), results.histograms(), recorder.sampleCount(), Map.of());
    }

    /** The open model: the main recorder times from the intended send, a second one from the actual send. */
    private EngineOutput runOpen() throws InterruptedException {
        ResultRecorder service = new ResultRecorder();
        NativeHttpEngine.OpenRun run = engine.runOpen(plan, (label, intended, intendedLatency, serviceTime, serviceLatency, connect,
                                                             bytes, code, success) -> {
            recorder.record(label, intended, intendedLatency, connect, bytes, code, success);
            service.record(label, serviceTime, serviceLatency, connect, bytes, code, success);
        });
        recorder.concurrency(run.report().maxConcurrency());
        service.concurrency(run.report().maxConcurrency());
        double seconds = Duration.between(run.report().startedAt(), run.report().finishedAt()).toMillis() / 1000.0;
        RecordedResults results = recorder.snapshot(seconds);
        return new EngineOutput(run.report(), TaurusXmlWriter.toBytes(results.status()), results.histograms(), recorder.sampleCount(),
                Map.of(), service.snapshot(seconds).histograms(), run.open());
    }

    @Override
    public LiveCounters live() {
        return index -> intervals.roll(index, engine.activeUsers());
    }

    @Override
    public void stop() {
        engine.stop();
    }
}
