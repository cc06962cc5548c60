package dev.dlt.results.aggregate;

import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.check.ResultValidator;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate of a run, built as workers' results arrive: one accumulator per label, per region
 * and overall, so memory grows with labels, never with workers. A worker is merged whole or not at
 * all: its results are validated and every sum checked for overflow before anything changes.
 * Thread-safe.
 */
public final class RunAccumulator {

    /** Distinct labels in one run; a worker that would add more is left out. */
    public static final int MAX_LABELS = 5_000;

    private final GroupAccumulator overall = new GroupAccumulator();
    private final Map<String, GroupAccumulator> labels = new LinkedHashMap<>();
    private final Map<String, GroupAccumulator> regions = new LinkedHashMap<>();
    private int workers;
    private double longestTestDuration;

    /**
     * Validates one worker's results and merges them.
     *
     * @param histograms its histograms per label; empty when it uploaded none (percentiles are then approximated)
     * @throws InvalidResultException when they do not add up or would overflow the run's totals; nothing was merged
     */
    public synchronized void add(String region, FinalStatus status, Map<String, SparseHistogram> histograms)
            throws InvalidResultException {
        ResultValidator.check(status, histograms);
        Map<String, GroupAccumulator> newLabels = new LinkedHashMap<>();
        GroupAccumulator regionTotal = regions.getOrDefault(region, new GroupAccumulator());
        List<Contribution> contributions = contributions(status, histograms, newLabels, regionTotal);
        checkNoOverflow(contributions);
        labels.putAll(newLabels);
        regions.putIfAbsent(region, regionTotal);
        for (Contribution c : contributions) {
            c.target().add(c.group(), c.histogram());
        }
        workers++;
        if (Double.isFinite(status.testDurationSeconds())) {
            longestTestDuration = Math.max(longestTestDuration, status.testDurationSeconds());
        }
    }

    private List<Contribution> contributions(FinalStatus status, Map<String, SparseHistogram> histograms,
                                             Map<String, GroupAccumulator> newLabels, GroupAccumulator regionTotal)
            throws InvalidResultException {
        Map<String, GroupStats> byLabel = status.labels();
        long added = byLabel.keySet().stream().filter(l -> !labels.containsKey(l)).count();
        if (labels.size() + added > MAX_LABELS) {
            throw new InvalidResultException("its " + added + " new labels would give the run more than " + MAX_LABELS);
        }
        List<Contribution> contributions = new ArrayList<>();
        byLabel.forEach((label, g) -> {
            GroupAccumulator target = labels.get(label);
            if (target == null) {
                target = newLabels.computeIfAbsent(label, l -> new GroupAccumulator());
            }
            contributions.add(new Contribution(target, g, histograms.get(label)));
        });
        GroupStats workerOverall = status.overall().orElse(null);
        if (workerOverall != null) {
            SparseHistogram h = histograms.get(FinalStatus.OVERALL);
            contributions.add(new Contribution(overall, workerOverall, h));
            contributions.add(new Contribution(regionTotal, workerOverall, h));
        } else {
            // a report without the overall group still counts: merge its labels instead
            byLabel.forEach((label, g) -> {
                contributions.add(new Contribution(overall, g, histograms.get(label)));
                contributions.add(new Contribution(regionTotal, g, histograms.get(label)));
            });
        }
        return contributions;
    }

    /** Adds up what every accumulator would hold, without changing any. */
    private static void checkNoOverflow(List<Contribution> contributions) throws InvalidResultException {
        Map<GroupAccumulator, GroupAccumulator.Totals> projected = new IdentityHashMap<>();
        try {
            for (Contribution c : contributions) {
                GroupAccumulator.Totals t = projected.getOrDefault(c.target(), c.target().totals());
                projected.put(c.target(), t.plus(c.group(), c.histogram()));
            }
        } catch (ArithmeticException e) {
            throw new InvalidResultException("its counts would overflow the run's totals");
        }
    }

    public synchronized int workers() {
        return workers;
    }

    /** The longest {@code TestDuration} of the workers merged, in seconds. */
    public synchronized double longestTestDuration() {
        return longestTestDuration;
    }

    /** The result so far, with rates over {@code durationSeconds} (when not positive: the longest TestDuration). */
    public synchronized AggregateResult result(double durationSeconds) {
        double duration = durationSeconds > 0 ? durationSeconds : longestTestDuration;
        List<LabelResult> perLabel = new ArrayList<>();
        labels.forEach((label, accumulator) -> perLabel.add(accumulator.result(label, duration)));
        return new AggregateResult(overall.result(FinalStatus.OVERALL, duration), perLabel, workers, duration);
    }

    /**
     * The merged histograms whose percentiles are exact, overall (label {@code ""}) and of the labels
     * asked for; a label whose workers did not all send a histogram is left out.
     */
    public synchronized Map<String, SparseHistogram> exactHistograms(java.util.Collection<String> wanted) {
        Map<String, SparseHistogram> result = new LinkedHashMap<>();
        SparseHistogram all = overall.exactHistogram();
        if (all != null) {
            result.put(FinalStatus.OVERALL, all);
        }
        for (String label : wanted) {
            GroupAccumulator accumulator = labels.get(label);
            SparseHistogram h = accumulator == null ? null : accumulator.exactHistogram();
            if (h != null) {
                result.put(label, h);
            }
        }
        return result;
    }

    /** The overall result of each region, named after it. */
    public synchronized Map<String, LabelResult> regions(double durationSeconds) {
        double duration = durationSeconds > 0 ? durationSeconds : longestTestDuration;
        Map<String, LabelResult> result = new LinkedHashMap<>();
        regions.forEach((region, accumulator) -> result.put(region, accumulator.result(region, duration)));
        return result;
    }

    /** One group of a worker, to be merged into one accumulator. */
    private record Contribution(GroupAccumulator target, GroupStats group, SparseHistogram histogram) {
    }
}
