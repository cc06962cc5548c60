package dev.dlt.results.check;

import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.Map;

/**
 * Checks that one worker's parsed results add up before any of it is merged: in every group
 * {@code succ + fail = throughput}, the response codes sum to the throughput, a group with samples
 * has a mean, and its histogram counts about as many samples as the report.
 */
public final class ResultValidator {

    /**
     * How far a histogram's count may differ from the report's: the Taurus engine builds histograms from
     * JMeter's sample file, which can hold a few samples more or fewer than bzt's own totals.
     */
    static final double HISTOGRAM_TOLERANCE = 0.05;
    static final long HISTOGRAM_SLACK = 100;

    private ResultValidator() {
    }

    public static void check(FinalStatus status, Map<String, SparseHistogram> histograms) throws InvalidResultException {
        for (Map.Entry<String, GroupStats> entry : status.groups().entrySet()) {
            check(entry.getKey(), entry.getValue(), histograms.get(entry.getKey()));
        }
    }

    private static void check(String label, GroupStats g, SparseHistogram histogram) throws InvalidResultException {
        String name = label.isEmpty() ? "the overall group" : "label '" + UntrustedText.shorten(label) + "'";
        long n = g.throughput();
        if (sum(g.succ(), g.fail()) != n) {
            throw new InvalidResultException(name + ": succ " + g.succ() + " + fail " + g.fail() + " is not the throughput " + n);
        }
        if (!g.responseCodes().isEmpty()) {
            long codes = 0;
            for (long count : g.responseCodes().values()) {
                codes = sum(codes, count);
                if (codes < 0) {
                    break;
                }
            }
            if (codes != n) {
                throw new InvalidResultException(name + ": response codes count " + (codes < 0 ? "more than " + Long.MAX_VALUE : codes)
                        + " samples, the throughput " + n);
            }
        }
        if (n > 0 && Double.isNaN(g.avgRt())) {
            throw new InvalidResultException(name + ": " + n + " samples but no avg_rt");
        }
        if (histogram != null) {
            long counted = histogram.totalCount();
            if (Math.abs((double) counted - n) > Math.max(HISTOGRAM_SLACK, n * HISTOGRAM_TOLERANCE)) {
                throw new InvalidResultException("histogram of " + name + " counts " + counted + " samples, the Taurus XML " + n);
            }
        }
    }

    /** A sum, or -1 when it overflows (a mismatch either way). */
    private static long sum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
