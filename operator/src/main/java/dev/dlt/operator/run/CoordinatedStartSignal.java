package dev.dlt.operator.run;

import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.plan.RegionPlan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.StartSignal;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One start instant for all regions: once every region's leader has said in S3 that it reached its
 * workers, the operator writes the instant into every region's bucket, where the leaders wait for
 * it. An instant already written (before an operator restart) is kept, never replaced.
 */
public final class CoordinatedStartSignal {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ObjectStore store;
    private final RunSettings settings;
    private final Clock clock;

    public CoordinatedStartSignal(ObjectStore store, RunSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The start instant, once every leader is ready (sent now or earlier); empty while some leader is not. */
    public OptionalLong sendWhenAllLeadersReady(RunPlan plan) {
        boolean allReady = plan.regions().stream().allMatch(r -> store.get(r.bucket(), plan.keys(r).leaderReady()).isPresent());
        if (!allReady) {
            return OptionalLong.empty();
        }
        String key = plan.keys(plan.regions().getFirst()).startSignal();
        Optional<byte[]> earlier = plan.regions().stream().map(r -> store.get(r.bucket(), key)).flatMap(Optional::stream).findFirst();
        try {
            StartSignal.Go go = earlier.isPresent() ? JSON.readValue(earlier.get(), StartSignal.Go.class)
                    : new StartSignal.Go(clock.millis() + settings.startLead().toMillis(), clock.millis());
            byte[] json = JSON.writeValueAsBytes(go);
            plan.regions().stream().map(RegionPlan::bucket).distinct().forEach(bucket -> store.put(bucket, key, json, "application/json"));
            return OptionalLong.of(go.startAtMs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the start signal", e);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable start signal at " + key, e);
        }
    }
}
