package dev.dlt.agent.engine;

import dev.dlt.agent.engine.taurus.TaurusEngine;
import dev.dlt.agent.engine.taurus.TaurusSettings;
import java.util.Locale;
import java.util.Map;

/** Picks the engine named by {@code DLT_ENGINE}. */
public final class WorkerEngines {

    private WorkerEngines() {
    }

    /** @param env the agent's environment, which configures the engine (e.g. {@code DLT_BZT}) */
    public static WorkerEngine forName(String name, Map<String, String> env) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case NativeWorkerEngine.NAME -> new NativeWorkerEngine();
            case TaurusEngine.NAME -> new TaurusEngine(TaurusSettings.fromEnv(env));
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; use native or taurus");
        };
    }
}
