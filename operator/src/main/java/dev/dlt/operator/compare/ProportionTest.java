package dev.dlt.operator.compare;

/**
 * The two-sided two-proportion z-test (pooled), for whether two runs' error rates differ by more than
 * chance: {@code z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2))}.
 */
public final class ProportionTest {

    /** The z score and its two-sided p-value; p is 1 when the test cannot tell (no samples, or no failures in either run). */
    public record Result(double z, double pValue) {
    }

    private ProportionTest() {
    }

    public static Result test(long failuresA, long totalA, long failuresB, long totalB) {
        if (totalA <= 0 || totalB <= 0) {
            return new Result(0, 1);
        }
        double pooled = (double) (failuresA + failuresB) / (totalA + totalB);
        double variance = pooled * (1 - pooled) * (1.0 / totalA + 1.0 / totalB);
        if (variance <= 0) {
            return new Result(0, 1);
        }
        double z = ((double) failuresB / totalB - (double) failuresA / totalA) / Math.sqrt(variance);
        return new Result(z, 2 * upperTail(Math.abs(z)));
    }

    /** P(Z > z) for a standard normal Z, via erfc (Numerical Recipes' {@code erfcc}, relative error below 1.2e-7). */
    static double upperTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        erfc = x >= 0 ? erfc : 2 - erfc;
        return erfc / 2;
    }
}
