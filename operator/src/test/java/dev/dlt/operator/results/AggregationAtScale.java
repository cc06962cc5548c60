package dev.dlt.operator.results;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects and summarises a run of many workers from a directory, in a JVM of its own (started by
 * {@link AggregationAtScaleTest} with a small heap), and prints per label: requests and percentiles.
 */
public final class AggregationAtScale {

    private AggregationAtScale() {
    }

    /** Arguments: the store's directory, the run id, the number of workers. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String runId = args[1];
        int workers = Integer.parseInt(args[2]);
        RunPlan plan = plan(runId, workers);
        ResultCollector collector = new ResultCollector(new DirectoryStore(dir));
        long started = System.nanoTime();
        Collected collected = collector.collect(plan);
        RunSummary summary = new RunSummarizer().summarize(runId, collected);
        long millis = (System.nanoTime() - started) / 1_000_000;
        AggregateResult result = collected.merged().accumulator().result(summary.result().getDurationSeconds());
        System.out.printf(Locale.ROOT, "aggregated %d excluded %d requests %d millis %d peakHeapMb %d%n", summary.aggregated(),
                summary.excluded().size(), summary.result().getRequests(), millis, peakHeapBytes() >> 20);
        List<LabelResult> all = new ArrayList<>(result.labels());
        all.add(result.overall());
        for (LabelResult l : all) {
            System.out.printf(Locale.ROOT, "label\t%s\t%d\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f%n", l.label().isEmpty() ? "<overall>" : l.label(),
                    l.requests(), l.p50Ms(), l.p90Ms(), l.p95Ms(), l.p99Ms(), l.maxMs());
        }
    }

    static RunPlan plan(String runId, int workers) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            ids.add("w" + i);
        }
        return new RunPlan(new RunRef("ns", "scale", "uid", runId),
                List.of(new RegionPlan(RegionPlan.CLUSTER_REGION, "eks-fargate", ids, WorkerUploads.BUCKET, null, false)), null, "native",
                Duration.ofSeconds(60));
    }

    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
