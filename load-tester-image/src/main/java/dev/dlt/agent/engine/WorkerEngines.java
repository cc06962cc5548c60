package dev.dlt.agent.engine;

import java.util.Locale;

/** Picks the engine named by {@code DLT_ENGINE}. */
public final class WorkerEngines {

    private WorkerEngines() {
    }

    public static WorkerEngine forName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case NativeWorkerEngine.NAME -> new NativeWorkerEngine();
            default -> throw new IllegalArgumentException("unknown engine '" + name + "'; use native or taurus");
        };
    }
}
