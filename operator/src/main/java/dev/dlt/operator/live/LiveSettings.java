package dev.dlt.operator.live;

import java.time.Duration;
import java.util.Optional;

/**
 * How the operator follows running tests: how often it reads the live records, how often it
 * replaces status.progress, the window of the live rate/error rate/p95, and where reports can be
 * fetched over HTTPS ({@code <base>/<key>}).
 */
public record LiveSettings(Duration readEvery, Duration statusEvery, Duration window, Optional<String> reportBaseUrl) {

    public static LiveSettings from(dev.dlt.operator.config.OperatorConfig config) {
        var live = config.live();
        return new LiveSettings(live.readEvery(), live.statusEvery(), live.window(), live.reportBaseUrl());
    }

    public static LiveSettings defaults() {
        return new LiveSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), Optional.empty());
    }
}
