package dev.dlt.operator.run;

import dev.dlt.operator.api.LeaderOutcome;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.ThresholdSpec;
import dev.dlt.operator.compare.BaselineComparison;
import dev.dlt.operator.compare.RunBasis;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.plan.RunPlanner;
import dev.dlt.operator.results.Collected;
import dev.dlt.operator.results.ResultCollector;
import dev.dlt.operator.results.RunSummarizer;
import dev.dlt.operator.results.RunSummary;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import dev.dlt.operator.verdict.RunCompleteness;
import dev.dlt.operator.verdict.RunJudge;
import dev.dlt.operator.verdict.RunVerdict;
import dev.dlt.operator.verdict.Threshold;
import dev.dlt.operator.verdict.Verdict;
import dev.dlt.results.layout.WorkerReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Collecting: reads what the workers stored in S3 until every worker reported or the collect
 * deadline passed, aggregates it, and decides the run: Succeeded when the start went well and at
 * least {@code spec.healthyThreshold} percent of the workers produced usable results; and judges the
 * thresholds on the merged result (the verdict, apart from the phase: a run can succeed and fail its thresholds).
 */
public class CollectStep implements PhaseStep {

    private final ResultCollector collector;
    private final RunSummarizer summarizer;
    private final RunSettings settings;
    private final RunJudge judge = new RunJudge();
    private final BaselineComparison comparison;

    public CollectStep(ResultCollector collector, RunSummarizer summarizer, RunSettings settings) {
        this(collector, summarizer, settings, null);
    }

    /** @param comparison keeps each run's basis and compares with spec.baseline; null for none */
    public CollectStep(ResultCollector collector, RunSummarizer summarizer, RunSettings settings, BaselineComparison comparison) {
        this.collector = collector;
        this.summarizer = summarizer;
        this.settings = settings;
        this.comparison = comparison;
    }

    @Override
    public StepOutcome next(RunContext context) {
        RunStatus run = context.run();
        Collected collected = collector.collect(context.plan());
        Instant deadline = collectWindowStart(context).plus(settings.collectTimeout());
        int desired = context.plan().desiredWorkers();
        if (!collected.allReported() && context.now().isBefore(deadline)) {
            return StepOutcome.stay(collected.reportedCount() + " of " + desired + " workers reported");
        }
        RunSummary summary = summarizer.summarize(run.getId(), collected);
        BaselineComparison.Outcome compared = comparison == null ? new BaselineComparison.Outcome(null, null)
                : comparison.finish(context.test(), context.status(), run.getId(), collected.merged().accumulator(), summary.aggregate());
        collector.forget(run.getId());
        int failed = summary.failed() - stoppedOnAbort(context, collected);
        run.getWorkers().setReported(summary.reported());
        run.getWorkers().setFailed(failed);
        run.setStartSkewMs(summary.startSkewMs());
        if (summary.startedAtMs() > 0) {
            run.setFinishedAt(Instant.ofEpochMilli(summary.finishedAtMs()).toString());
        }
        context.status().setResult(summary.result());
        LoadTestStatusBuilder.partialResults(context.status(), leftOut(summary), context.generation(), context.now());
        LoadTestStatusBuilder.suspectWorkers(context.status(), flagged(collected), context.generation(), context.now());
        context.status().setComparison(compared.status());
        RunVerdict verdict = judge(context, summary, desired, compared.baseline());
        LoadTestStatusBuilder.verdict(context.status(), verdict, context.generation(), context.now());
        StepOutcome outcome = decide(context, summary, desired, failed);
        if (outcome instanceof StepOutcome.End end && verdict.verdict() != Verdict.NoThresholds) {
            return new StepOutcome.End(end.outcome(), end.reason(), end.message() + "; verdict " + verdict.verdict());
        }
        return outcome;
    }

    /** The verdict on the thresholds, judged on the exact fleet-wide aggregate of every worker merged. */
    private RunVerdict judge(RunContext context, RunSummary summary, int desired, RunBasis baseline) {
        var spec = context.test().getSpec();
        List<Threshold> thresholds = spec.getThresholds() == null ? List.of()
                : spec.getThresholds().stream().map(ThresholdSpec::toThreshold).toList();
        // how long the engines ran (first actual start to last end), not when the first request happened to go out
        double loadSeconds = summary.startedAtMs() > 0 ? (summary.finishedAtMs() - summary.startedAtMs()) / 1000.0 : 0;
        RunCompleteness completeness = new RunCompleteness(desired, summary.aggregated(), loadSeconds,
                RunPlanner.loadDuration(spec).toMillis() / 1000.0);
        String aborted = context.run().getAbortedOnThreshold();
        return aborted != null ? judge.aborted(thresholds, summary.aggregate(), aborted)
                : judge.judge(thresholds, summary.aggregate(), completeness, baseline == null ? null : baseline.aggregate());
    }

    /**
     * The collect window opens when the run finished, or again when S3 (or any dependency) answers after
     * an outage: workers that kept retrying their uploads meanwhile get the whole window to store them.
     */
    private static Instant collectWindowStart(RunContext context) {
        Instant finished = Instant.parse(context.run().getFinishedAt());
        return Conditions.get(context.status().getConditions(), Conditions.BLOCKED)
                // still marked blocked: this look is the first that got through, so the outage ends now
                .map(c -> "True".equals(c.getStatus()) ? context.now() : Instant.parse(c.getLastTransitionTime()))
                .filter(unblocked -> unblocked.isAfter(finished)).orElse(finished);
    }

    /**
     * Workers the operator stopped because an abortOnFail threshold broke, whose results were merged:
     * stopped on purpose, they are usable like completed ones (a stop for any other reason is not).
     */
    private static int stoppedOnAbort(RunContext context, Collected collected) {
        if (context.run().getAbortedOnThreshold() == null) {
            return 0;
        }
        return (int) collected.workers().stream().filter(w -> w.aggregated() && w.report() != null
                && WorkerReport.STOPPED.equals(w.report().outcome())).count();
    }

    private StepOutcome decide(RunContext context, RunSummary summary, int desired, int failed) {
        boolean startProblem = context.run().getRegions() != null && context.run().getRegions().stream()
                .anyMatch(r -> r.getLeader() != null && r.getLeader() != LeaderOutcome.STARTED);
        int usable = desired - failed;
        int needed = (int) Math.ceil(desired * context.test().getSpec().healthyThresholdPercent() / 100.0);
        ResultStatus r = summary.result();
        if (r != null && usable > 0 && usable >= needed && !startProblem) {
            String numbers = String.format(Locale.ROOT, "%d requests, %.1f rps, p95 %.1f ms, %.2f%% errors, start skew %d ms",
                    r.getRequests(), r.getRps(), r.getP95Ms(), r.getErrorRate(), summary.startSkewMs() == null ? 0 : summary.startSkewMs());
            return new StepOutcome.End(Phase.Succeeded, "Completed", usable == desired ? numbers
                    : numbers + " (" + failed + " of " + desired + " workers left out, see PartialResults)");
        }
        String why = usable + " of " + desired + " workers produced usable results, " + needed + " needed"
                + (summary.problems() == null ? "" : ": " + summary.problems())
                + (startProblem ? "; not every worker got the start signal" : "");
        return StepOutcome.fail(startProblem ? "WorkersIncomplete" : "TooFewWorkersReported", why);
    }

    private static List<String> flagged(Collected collected) {
        return collected.workers().stream().filter(w -> w.report() != null && !w.report().flags().isEmpty())
                .map(w -> w.region() + "/" + w.workerId() + ": " + String.join(", ", w.report().flags())).toList();
    }

    private static List<String> leftOut(RunSummary summary) {
        return summary.excluded().stream().map(Object::toString).toList();
    }
}
