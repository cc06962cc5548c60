package dev.dlt.agent.scenario;

import dev.dlt.results.scenario.TaurusConfig;
import dev.dlt.results.scenario.TaurusDuration;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Turns the Taurus config the operator wrote into the plan the built-in engine runs. */
public final class PlanReader {

    private PlanReader() {
    }

    public static TestPlan read(byte[] taurusJson) throws IOException {
        TaurusConfig config = TaurusConfig.fromJson(taurusJson);
        try {
            List<HttpRequestSpec> requests = config.requests().stream()
                    .map(r -> new HttpRequestSpec(r.label(), URI.create(r.url()), r.method(), r.headers(), r.body()))
                    .toList();
            LoadProfile load = new LoadProfile(config.concurrency(),
                    config.rampUp() == null ? null : TaurusDuration.parse(config.rampUp()),
                    config.holdFor() == null ? null : TaurusDuration.parse(config.holdFor()),
                    config.timeout() == null ? null : TaurusDuration.parse(config.timeout()));
            return new TestPlan(requests, load, config.arrival());
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid scenario: " + e.getMessage(), e);
        }
    }
}
