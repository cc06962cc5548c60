package dev.dlt.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.agent.gate.StartInstantSource;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.StartSignal;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The start instant of a run with several regions (one leader each): the leader says in S3 that it
 * reached every worker, then waits for the instant the operator writes once all leaders are ready,
 * so that all regions start together rather than each when its own leader happens to be up.
 */
final class CoordinatedStart implements StartInstantSource {

    private static final Logger LOG = Logger.getLogger(CoordinatedStart.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final long POLL_MS = 200;

    private final ResultStore store;
    private final ResultKeys keys;
    private final int workers;
    private final Duration deadline;
    private final Clock clock;

    CoordinatedStart(ResultStore store, ResultKeys keys, int workers, Duration deadline, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.workers = workers;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public long startAt() throws IOException, InterruptedException {
        store.put(keys.leaderReady(), JSON.writeValueAsBytes(new StartSignal.LeaderReady(keys.region(), clock.millis(), workers)),
                "application/json");
        LOG.info(() -> "leader of " + keys.region() + " reached all " + workers + " workers; waiting for the start instant");
        long until = clock.millis() + deadline.toMillis();
        while (clock.millis() < until) {
            Optional<byte[]> go = store.find(keys.startSignal());
            if (go.isPresent()) {
                return JSON.readValue(go.get(), StartSignal.Go.class).startAtMs();
            }
            Thread.sleep(POLL_MS);
        }
        throw new IOException("the operator gave no start instant within " + deadline);
    }
}
