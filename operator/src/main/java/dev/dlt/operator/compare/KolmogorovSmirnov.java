package dev.dlt.operator.compare;

import dev.dlt.results.histogram.LatencyIndex;
import dev.dlt.results.histogram.SparseHistogram;

/**
 * The two-sample Kolmogorov–Smirnov test computed from two latency histograms of the same layout: both
 * empirical CDFs are known at every bucket boundary, so the statistic D is the largest gap between them
 * there (exact up to the histograms' 0.1 % resolution), and the p-value is Kolmogorov's asymptotic one.
 */
public final class KolmogorovSmirnov {

    /** The statistic D (0..1) and the probability of a gap at least as large if both samples came from one distribution. */
    public record Result(double d, double pValue, double shiftedMs) {
    }

    private KolmogorovSmirnov() {
    }

    public static Result test(SparseHistogram a, SparseHistogram b) {
        long n = a.totalCount();
        long m = b.totalCount();
        if (n == 0 || m == 0) {
            return new Result(0, 1, 0);
        }
        int i = 0;
        int j = 0;
        long cumA = 0;
        long cumB = 0;
        double d = 0;
        long at = 0;
        // walk both sorted bucket lists; the CDFs only change at a bucket that has counts in either
        while (i < a.size() || j < b.size()) {
            int index = Math.min(i < a.size() ? a.index(i) : Integer.MAX_VALUE, j < b.size() ? b.index(j) : Integer.MAX_VALUE);
            if (i < a.size() && a.index(i) == index) {
                cumA += a.count(i++);
            }
            if (j < b.size() && b.index(j) == index) {
                cumB += b.count(j++);
            }
            double gap = Math.abs((double) cumA / n - (double) cumB / m);
            if (gap > d) {
                d = gap;
                at = LatencyIndex.valueAt(index);
            }
        }
        return new Result(d, pValue(d, n, m), at / 1e3);
    }

    /** Kolmogorov's distribution with Stephens' small-sample correction (Numerical Recipes, {@code probks}). */
    static double pValue(double d, long n, long m) {
        double effective = (double) n * m / (n + m);
        double root = Math.sqrt(effective);
        double lambda = (root + 0.12 + 0.11 / root) * d;
        if (lambda < 1e-3) {
            return 1;
        }
        double sum = 0;
        double previous = 0;
        for (int k = 1; k <= 100; k++) {
            double term = (k % 2 == 1 ? 2 : -2) * Math.exp(-2 * lambda * lambda * k * k);
            sum += term;
            if (Math.abs(term) <= 1e-10 * Math.abs(sum) || Math.abs(term) <= 1e-12 * previous) {
                return Math.max(0, Math.min(1, sum));
            }
            previous = Math.abs(term);
        }
        return 1; // the series did not converge: only for lambda near 0, where p is 1
    }
}
