package dev.dlt.ecs;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.WorkerRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the backend remembers between launch calls of a run (in memory, per run, region and role): until
 * when it leaves ECS alone after a setback, the last progress to report meanwhile, and the client-token
 * generation. Lost on restart, which costs at most a few early calls and replayed answers, never a duplicate.
 */
final class LaunchPacing {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record State(Instant notBefore, int setbacks, int generation, LaunchProgress last, Instant touched) {
    }

    private final EcsBackendSettings settings;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    LaunchPacing(EcsBackendSettings settings) {
        this.settings = settings;
    }

    static String key(TaskIdentity identity, WorkerRole role) {
        return identity.startedBy() + "|" + role;
    }

    /** The last progress while the run backs off after a setback; empty when ECS may be called. */
    Optional<LaunchProgress> paused(String key, int desired) {
        Instant now = settings.clock().instant();
        states.values().removeIf(s -> s.touched().plus(FORGET_AFTER).isBefore(now));
        State state = states.get(key);
        if (state == null || !now.isBefore(state.notBefore())) {
            return Optional.empty();
        }
        return Optional.of(new LaunchProgress(desired, state.last().launched(), state.last().problems()));
    }

    int generation(String key) {
        State state = states.get(key);
        return state == null ? 0 : state.generation();
    }

    /** How many tasks the last call saw, for a call that cannot list them now. */
    int lastLaunched(String key) {
        State state = states.get(key);
        return state == null ? 0 : state.last().launched();
    }

    /** Records a call that went as planned: no backoff for the next one. */
    LaunchProgress progressed(String key, LaunchProgress progress) {
        Instant now = settings.clock().instant();
        states.put(key, new State(now, 0, generation(key), progress, now));
        return progress;
    }

    /** Records a setback: the next call waits a backoff that doubles with every setback in a row. */
    LaunchProgress setback(String key, LaunchProgress progress, boolean tokenConsumed) {
        Instant now = settings.clock().instant();
        states.compute(key, (k, old) -> {
            int setbacks = old == null ? 1 : old.setbacks() + 1;
            int generation = (old == null ? 0 : old.generation()) + (tokenConsumed ? 1 : 0);
            return new State(now.plus(delay(setbacks)), setbacks, generation, progress, now);
        });
        return progress;
    }

    /** Forgets every role of the run, e.g. once it is stopped. */
    void forget(TaskIdentity identity) {
        states.keySet().removeIf(k -> k.startsWith(identity.startedBy() + "|"));
    }

    /** Between half and all of base * 2^(setbacks-1), capped at max: jitter keeps many runs from calling in step. */
    private Duration delay(int setbacks) {
        long base = settings.backoffBase().toMillis();
        long cap = Math.min(settings.backoffMax().toMillis(), base << Math.min(setbacks - 1, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
