package dev.dlt.operator.results;

import dev.dlt.operator.api.LabelResultStatus;
import dev.dlt.operator.api.OpenModelResultStatus;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import dev.dlt.results.aggregate.OpenModelAccumulator;
import org.HdrHistogram.Histogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns collected worker results into the run's result: aggregated in total, per label and per
 * region over the real run duration (first actual start to last end across the workers merged),
 * with the workers left out and why.
 */
public class RunSummarizer {

    /** Labels kept in status; the full list is in DynamoDB and S3. */
    public static final int MAX_LABELS_IN_STATUS = 50;

    public RunSummary summarize(String runId, Collected collected) {
        int reported = (int) collected.reportedCount();
        int failed = (int) collected.workers().stream().filter(w -> !w.completed()).count();
        List<ExcludedWorker> excluded = collected.workers().stream().filter(w -> !w.aggregated())
                .map(w -> new ExcludedWorker(w.region(), w.workerId(), w.problem() == null ? "not aggregated" : w.problem())).toList();
        String problems = collected.workers().stream().filter(w -> w.problem() != null && !w.completed())
                .map(w -> w.region() + "/" + w.workerId() + ": " + w.problem()).limit(5).collect(Collectors.joining("; "));
        boolean allCompleted = failed == 0;
        MergedResults merged = collected.merged();
        int aggregated = merged.accumulator().workers();
        if (aggregated == 0) {
            return new RunSummary(null, 0, 0, null, reported, failed, false,
                    problems.isEmpty() ? "no worker produced results" : problems, excluded, 0, null);
        }
        long start = merged.firstStartMs();
        long end = merged.lastEndMs();
        long skew = merged.lastStartMs() - start;
        double duration = (end - merged.firstLoadMs()) / 1000.0;
        AggregateResult aggregate = merged.accumulator().result(duration);
        ResultStatus result = toStatus(runId, aggregate);
        List<LabelResultStatus> perRegion = new ArrayList<>();
        merged.accumulator().regions(duration).forEach((region, total) -> perRegion.add(label(region, total)));
        result.setPerRegion(perRegion);
        if (merged.openModel() != null) {
            result.setOpenModel(openModel(merged.openModel()));
        }
        return new RunSummary(result, start, end, skew, reported, failed, allCompleted, problems.isEmpty() ? null : problems,
                excluded, aggregated, aggregate);
    }

    static ResultStatus toStatus(String runId, AggregateResult aggregate) {
        LabelResult all = aggregate.overall();
        ResultStatus status = new ResultStatus();
        status.setRunId(runId);
        status.setRequests(all.requests());
        status.setFailures(all.fail());
        status.setErrorRate(round(all.errorRate() * 100, 3));
        status.setRps(round(all.rps(), 2));
        status.setDurationSeconds(round(aggregate.durationSeconds(), 3));
        status.setAvgMs(round(all.avgRtMs(), 2));
        status.setP50Ms(round(all.p50Ms(), 2));
        status.setP90Ms(round(all.p90Ms(), 2));
        status.setP95Ms(round(all.p95Ms(), 2));
        status.setP99Ms(round(all.p99Ms(), 2));
        status.setMaxMs(round(all.maxMs(), 2));
        status.setAvgLatencyMs(round(all.avgLtMs(), 2));
        status.setAvgConnectMs(round(all.avgCtMs(), 3));
        status.setBytes(all.bytes());
        status.setPercentilesExact(all.percentilesExact());
        status.setResponseCodes(all.responseCodes());
        status.setPerLabel(aggregate.labels().stream().sorted(Comparator.comparingLong(LabelResult::requests).reversed())
                .limit(MAX_LABELS_IN_STATUS).map(l -> label(l.label(), l)).toList());
        return status;
    }

    static OpenModelResultStatus openModel(OpenModelAccumulator.Result open) {
        OpenModelResultStatus s = new OpenModelResultStatus();
        s.setRequestedRate(round(open.requestedRate(), 2));
        s.setAchievedRate(round(open.achievedRate(), 2));
        s.setDueIterations(open.due());
        s.setDroppedIterations(open.dropped());
        Histogram service = open.service();
        if (service.getTotalCount() > 0) {
            s.setServiceP50Ms(round(service.getValueAtPercentile(50) / 1000.0, 2));
            s.setServiceP90Ms(round(service.getValueAtPercentile(90) / 1000.0, 2));
            s.setServiceP99Ms(round(service.getValueAtPercentile(99) / 1000.0, 2));
            s.setServiceMaxMs(round(service.getMaxValue() / 1000.0, 2));
        }
        s.setServiceTimesComplete(open.serviceExact());
        return s;
    }

    static LabelResultStatus label(String name, LabelResult l) {
        LabelResultStatus s = new LabelResultStatus();
        s.setLabel(name);
        s.setRequests(l.requests());
        s.setFailures(l.fail());
        s.setErrorRate(round(l.errorRate() * 100, 3));
        s.setRps(round(l.rps(), 2));
        s.setAvgMs(round(l.avgRtMs(), 2));
        s.setP50Ms(round(l.p50Ms(), 2));
        s.setP90Ms(round(l.p90Ms(), 2));
        s.setP95Ms(round(l.p95Ms(), 2));
        s.setP99Ms(round(l.p99Ms(), 2));
        return s;
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
