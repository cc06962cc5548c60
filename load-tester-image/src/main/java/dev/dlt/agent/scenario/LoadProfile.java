package dev.dlt.agent.scenario;

import java.time.Duration;

/**
 * The closed-model load of one worker: {@code concurrency} virtual users started linearly over
 * {@code rampUp}, all running until {@code rampUp + holdFor} has elapsed.
 */
public record LoadProfile(int concurrency, Duration rampUp, Duration holdFor, Duration requestTimeout) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public LoadProfile {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        rampUp = rampUp == null ? Duration.ZERO : rampUp;
        holdFor = holdFor == null ? Duration.ZERO : holdFor;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (rampUp.isNegative() || holdFor.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /** Ramp-up plus hold-for: how long users generate load. */
    public Duration totalDuration() {
        return rampUp.plus(holdFor);
    }
}
