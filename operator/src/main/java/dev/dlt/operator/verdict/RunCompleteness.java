package dev.dlt.operator.verdict;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of the planned run the result covers: workers merged out of those desired, and seconds of
 * load out of ramp-up + hold-for. A run below {@link #MIN_LOAD_FRACTION} of its planned load, or with
 * a worker missing, is incomplete.
 */
public record RunCompleteness(int desiredWorkers, int mergedWorkers, double loadSeconds, double plannedSeconds) {

    /** The share of ramp-up + hold-for the load must have run for a verdict. */
    public static final double MIN_LOAD_FRACTION = 0.9;

    /** Why the run is incomplete, or empty when it is complete. */
    public Optional<String> gap() {
        if (mergedWorkers < desiredWorkers) {
            return Optional.of(mergedWorkers + " of " + desiredWorkers + " workers are in the result (see PartialResults)");
        }
        if (plannedSeconds > 0 && loadSeconds < plannedSeconds * MIN_LOAD_FRACTION) {
            return Optional.of(String.format(Locale.ROOT, "the load ran %.1fs, less than %.0f%% of the planned %.1fs (ramp-up + hold-for)",
                    loadSeconds, MIN_LOAD_FRACTION * 100, plannedSeconds));
        }
        return Optional.empty();
    }
}
