package dev.dlt.localcloud.target;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link TargetServer} answers: a weighted latency mix, a fraction of 500 responses and a response
 * body size, all applied deterministically by request sequence number so that every fraction is exact.
 *
 * @param latencyMix the delays before the response headers, each chosen for {@code weight} out of every
 *                   {@code sum(weights)} consecutive requests
 * @param errorRate  the fraction of requests answered 500, in [0, 1], with at most six decimals honoured
 * @param bodySize   the number of bytes in every response body
 * @param match      the requests to count as matching in {@link TargetCounters#matching()}; null to count none
 */
public record TargetConfig(List<Latency> latencyMix, double errorRate, int bodySize, RequestMatch match) {

    private static final long PPM = 1_000_000;

    /** Answers at once, never fails, with an empty body. */
    public static final TargetConfig DEFAULT = new TargetConfig(List.of(new Latency(1, Duration.ZERO)), 0, 0, null);

    /** One entry of the latency mix: {@code delay} for {@code weight} shares of the requests. */
    public record Latency(int weight, Duration delay) {
        public Latency {
            if (weight < 1) {
                throw new IllegalArgumentException("latency weight must be at least 1, was " + weight);
            }
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("latency delay must be zero or positive, was " + delay);
            }
        }
    }

    public TargetConfig {
        latencyMix = List.copyOf(latencyMix);
        if (latencyMix.isEmpty()) {
            throw new IllegalArgumentException("the latency mix needs at least one entry");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error rate must be in [0, 1], was " + errorRate);
        }
        if (bodySize < 0) {
            throw new IllegalArgumentException("body size must not be negative, was " + bodySize);
        }
    }

    public TargetConfig withLatencyMix(List<Latency> mix) {
        return new TargetConfig(mix, errorRate, bodySize, match);
    }

    /** The same config with a single, fixed latency. */
    public TargetConfig withLatency(Duration delay) {
        return withLatencyMix(List.of(new Latency(1, delay)));
    }

    public TargetConfig withErrorRate(double rate) {
        return new TargetConfig(latencyMix, rate, bodySize, match);
    }

    public TargetConfig withBodySize(int size) {
        return new TargetConfig(latencyMix, errorRate, size, match);
    }

    /** The same config, counting the requests that match {@code requests} (e.g. carry a credential the test expects). */
    public TargetConfig withMatch(RequestMatch requests) {
        return new TargetConfig(latencyMix, errorRate, bodySize, requests);
    }

    /** The delay of request {@code n}: the entry whose cumulative weight range holds {@code n mod sum(weights)}. */
    public Duration latencyOf(long n) {
        long totalWeight = latencyMix.stream().mapToLong(Latency::weight).sum();
        long slot = Math.floorMod(n, totalWeight);
        for (Latency latency : latencyMix) {
            slot -= latency.weight();
            if (slot < 0) {
                return latency.delay();
            }
        }
        throw new AssertionError("slot beyond the total weight");
    }

    /**
     * Whether request {@code n} fails: iff floor((n+1)·rate) > floor(n·rate), so the first N requests hold
     * exactly floor(N·rate) errors. The rate is taken in parts per million to keep the arithmetic exact
     * (in doubles 100 × 0.29 is 28.999…).
     */
    public boolean isError(long n) {
        long ppm = Math.round(errorRate * PPM);
        return (n + 1) * ppm / PPM > n * ppm / PPM;
    }
}
