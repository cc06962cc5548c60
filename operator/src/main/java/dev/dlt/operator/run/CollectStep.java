package dev.dlt.operator.run;

import dev.dlt.operator.api.LeaderOutcome;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.results.Collected;
import dev.dlt.operator.results.ResultCollector;
import dev.dlt.operator.results.RunSummarizer;
import dev.dlt.operator.results.RunSummary;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Collecting: reads what the workers stored in S3 until every worker reported or the collect
 * deadline passed, aggregates it, and decides the run: Succeeded when the start went well and at
 * least {@code spec.healthyThreshold} percent of the workers produced usable results.
 */
public class CollectStep implements PhaseStep {

    private final ResultCollector collector;
    private final RunSummarizer summarizer;
    private final RunSettings settings;

    public CollectStep(ResultCollector collector, RunSummarizer summarizer, RunSettings settings) {
        this.collector = collector;
        this.summarizer = summarizer;
        this.settings = settings;
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
        collector.forget(run.getId());
        run.getWorkers().setReported(summary.reported());
        run.getWorkers().setFailed(summary.failed());
        run.setStartSkewMs(summary.startSkewMs());
        if (summary.startedAtMs() > 0) {
            run.setFinishedAt(Instant.ofEpochMilli(summary.finishedAtMs()).toString());
        }
        context.status().setResult(summary.result());
        LoadTestStatusBuilder.partialResults(context.status(), leftOut(summary), context.generation(), context.now());
        LoadTestStatusBuilder.suspectWorkers(context.status(), flagged(collected), context.generation(), context.now());
        return decide(context, summary, desired);
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

    private StepOutcome decide(RunContext context, RunSummary summary, int desired) {
        boolean startProblem = context.run().getRegions() != null && context.run().getRegions().stream()
                .anyMatch(r -> r.getLeader() != null && r.getLeader() != LeaderOutcome.STARTED);
        int usable = desired - summary.failed();
        int needed = (int) Math.ceil(desired * context.test().getSpec().healthyThresholdPercent() / 100.0);
        ResultStatus r = summary.result();
        if (r != null && usable > 0 && usable >= needed && !startProblem) {
            String numbers = String.format(Locale.ROOT, "%d requests, %.1f rps, p95 %.1f ms, %.2f%% errors, start skew %d ms",
                    r.getRequests(), r.getRps(), r.getP95Ms(), r.getErrorRate(), summary.startSkewMs() == null ? 0 : summary.startSkewMs());
            return new StepOutcome.End(Phase.Succeeded, "Completed", usable == desired ? numbers
                    : numbers + " (" + summary.failed() + " of " + desired + " workers left out, see PartialResults)");
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
