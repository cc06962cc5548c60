package dev.dlt.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: before retry n the wait is drawn from [b/2, b] with
 * b = min(max, first * 2^(n-1)), so many workers that failed together do not retry together.
 */
record Backoff(Duration first, Duration max, DoubleSupplier random) {

    Backoff {
        if (first.toMillis() < 1 || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 1 ms <= first <= max: " + first + ", " + max);
        }
    }

    static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait in milliseconds before retry {@code n} (1 = the first retry). */
    long delayMs(int n) {
        long base = max.toMillis();
        if (n <= 62) {
            long doubled = first.toMillis() << Math.max(0, n - 1);
            if (doubled > 0 && doubled < base) {
                base = doubled;
            }
        }
        double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        return base / 2 + Math.round(r * (base - base / 2));
    }
}
