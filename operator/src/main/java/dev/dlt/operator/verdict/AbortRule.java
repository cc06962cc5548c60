package dev.dlt.operator.verdict;

import java.time.Duration;

/**
 * A threshold with {@code abortOnFail}: judged on the fleet's live numbers while the run goes on, it
 * stops the run when it breaks, but not before {@code delay} has passed since the run's start.
 */
public record AbortRule(Threshold threshold, Duration delay) {

    /** The grace period when {@code abortDelay} is not set: long enough for a ramp-up's first numbers to settle. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);
}
