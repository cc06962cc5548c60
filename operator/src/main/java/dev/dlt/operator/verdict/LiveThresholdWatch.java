package dev.dlt.operator.verdict;

import dev.dlt.operator.live.LiveWindow;
import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.aggregate.LabelResult;
import dev.dlt.results.live.LabelInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the {@code abortOnFail} thresholds on the merged live numbers of the whole fleet: response
 * times, error rate and rps over the last window, {@code requests} on the count so far. A threshold is
 * judged only after its delay and only on at least {@link #MIN_REQUESTS} requests of its label in the
 * window, so a handful of early samples cannot stop a run. A {@code requests above} bound is never
 * judged live: the count may still reach it.
 */
public final class LiveThresholdWatch {

    /** The fewest requests of a threshold's label in the window (or so far, for {@code requests}) that can break it. */
    public static final long MIN_REQUESTS = 20;

    private final ThresholdEvaluator evaluator = new ThresholdEvaluator();

    /** A threshold that broke on the live numbers, with the value measured and when. */
    public record Breach(Threshold threshold, double measured, Instant at, double windowSeconds, long requests) {

        /** E.g. {@code p95 below 300ms broke at 2026-11-30T12:00:40Z: 512.3ms over the fleet's last 15.0s (812 requests)}. */
        public String describe() {
            String over = threshold.metric() == ThresholdMetric.REQUESTS ? "so far"
                    : String.format(Locale.ROOT, "over the fleet's last %.1fs (%d requests)", windowSeconds, requests);
            return threshold.describe() + " broke at " + at + ": " + threshold.metric().format(measured) + " " + over;
        }
    }

    /**
     * The first rule (in spec order) that breaks now, or empty.
     *
     * @param elapsed since the run's start
     * @param totals  every worker's counts so far, per label
     */
    public Optional<Breach> check(List<AbortRule> rules, Duration elapsed, LiveWindow window, Map<String, LabelInterval> totals,
                                  Instant now) {
        AggregateResult recent = aggregate(window.labels(), window.seconds());
        AggregateResult sofar = aggregate(totals, Math.max(window.seconds(), elapsed.toMillis() / 1000.0));
        for (AbortRule rule : rules) {
            Threshold t = rule.threshold();
            boolean cumulative = t.metric() == ThresholdMetric.REQUESTS;
            // a threshold relative to the baseline has no bound until the run is compared (validation refuses it here)
            if (t.relative() || elapsed.compareTo(rule.delay()) < 0 || cumulative && t.direction() == Threshold.Direction.ABOVE) {
                continue;
            }
            AggregateResult judged = cumulative ? sofar : recent;
            long requests = requests(judged, t.label());
            if (requests < MIN_REQUESTS) {
                continue;
            }
            ThresholdCheck check = evaluator.evaluate(List.of(t), judged).checks().getFirst();
            if (!check.passed() && check.measured() != null) {
                return Optional.of(new Breach(t, check.measured(), now, window.seconds(), requests));
            }
        }
        return Optional.empty();
    }

    private static long requests(AggregateResult aggregate, String label) {
        return label == null ? aggregate.overall().requests()
                : aggregate.labels().stream().filter(l -> label.equals(l.label())).mapToLong(LabelResult::requests).sum();
    }

    /** The live counts as the aggregate the evaluator reads; percentiles come from merged histograms, so they are exact. */
    static AggregateResult aggregate(Map<String, LabelInterval> labels, double seconds) {
        LabelInterval all = labels.values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
        List<LabelResult> perLabel = labels.entrySet().stream().map(e -> result(e.getKey(), e.getValue(), seconds)).toList();
        return new AggregateResult(result("", all, seconds), perLabel, 0, seconds);
    }

    private static LabelResult result(String label, LabelInterval c, double seconds) {
        var histogram = c.latency().toHistogram();
        boolean any = c.latency().totalCount() > 0;
        double avgMs = any ? histogram.getMean() / 1000.0 : 0;
        double maxMs = any ? histogram.getMaxValue() / 1000.0 : 0;
        double minMs = any ? histogram.getMinValue() / 1000.0 : 0;
        return new LabelResult(label, c.requests(), c.requests() - c.failures(), c.failures(), c.errorRatio(),
                seconds <= 0 ? 0 : c.requests() / seconds, avgMs, 0, 0, 0, c.bytes(), 0, c.codes(), minMs, c.percentileMs(50),
                c.percentileMs(90), c.percentileMs(95), c.percentileMs(99), c.percentileMs(99.9), maxMs, true);
    }
}
