package dev.dlt.agent.scenario;

import dev.dlt.results.scenario.ArrivalRate;
import java.util.List;

/**
 * What one worker runs: the requests each virtual user cycles through, and the load profile; with an
 * {@code arrival} rate the load is an open model (the profile then gives only the request timeout).
 */
public record TestPlan(List<HttpRequestSpec> requests, LoadProfile load, ArrivalRate arrival) {

    /** A closed-model plan. */
    public TestPlan(List<HttpRequestSpec> requests, LoadProfile load) {
        this(requests, load, null);
    }

    public TestPlan {
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("a test plan needs at least one request");
        }
        requests = List.copyOf(requests);
    }
}
