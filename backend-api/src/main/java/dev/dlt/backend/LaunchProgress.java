package dev.dlt.backend;

import java.util.List;

/**
 * What one launch call achieved: how many of the wanted containers exist now, and why the others do
 * not yet (throttling, capacity, transient failures). A launch call never sleeps or retries inside:
 * the caller calls again later, and its deadline decides when to give up.
 *
 * @param problems the reasons of the last attempt for what is still missing, for status messages
 */
public record LaunchProgress(int desired, int launched, List<String> problems) {

    public LaunchProgress {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static LaunchProgress complete(int count) {
        return new LaunchProgress(count, count, List.of());
    }

    public boolean complete() {
        return launched >= desired;
    }
}
