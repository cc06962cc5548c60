package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.scenario.HttpRequestSpec;
import dev.dlt.agent.scenario.LoadProfile;
import dev.dlt.agent.scenario.TestPlan;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Short ways to write the plans the tests run. */
final class Plans {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Plans() {
    }

    static HttpRequestSpec get(String label, URI url) {
        return new HttpRequestSpec(label, url, "GET", Map.of(), null);
    }

    static TestPlan plan(int concurrency, Duration holdFor, HttpRequestSpec... requests) {
        return plan(new LoadProfile(concurrency, Duration.ZERO, holdFor, TIMEOUT), requests);
    }

    static TestPlan plan(LoadProfile load, HttpRequestSpec... requests) {
        return new TestPlan(List.of(requests), load);
    }

    static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }
}
