package dev.dlt.agent.scenario;

import java.util.List;

/** What one worker runs: the requests each virtual user cycles through, and the load profile. */
public record TestPlan(List<HttpRequestSpec> requests, LoadProfile load) {

    public TestPlan {
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("a test plan needs at least one request");
        }
        requests = List.copyOf(requests);
    }
}
