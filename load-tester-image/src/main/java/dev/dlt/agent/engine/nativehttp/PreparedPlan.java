package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.scenario.HttpRequestSpec;
import dev.dlt.agent.scenario.TestPlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test plan's requests in wire form, with the distinct origins they connect to. */
record PreparedPlan(PreparedRequest[] requests, Origin[] origins) {

    /** Encodes and validates every request up front, so a bad plan fails before any load starts. */
    static PreparedPlan of(TestPlan plan) {
        List<HttpRequestSpec> specs = plan.requests();
        Map<Origin, Integer> origins = new LinkedHashMap<>();
        PreparedRequest[] requests = new PreparedRequest[specs.size()];
        for (int i = 0; i < requests.length; i++) {
            HttpRequestSpec spec = specs.get(i);
            Origin origin = Origin.of(spec.url());
            int index = origins.computeIfAbsent(origin, o -> origins.size());
            requests[i] = PreparedRequest.of(spec, index, origin);
        }
        return new PreparedPlan(requests, origins.keySet().toArray(Origin[]::new));
    }
}
