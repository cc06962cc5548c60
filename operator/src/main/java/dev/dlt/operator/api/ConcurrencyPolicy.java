package dev.dlt.operator.api;

/**
 * What a scheduled time does while a run is still active: {@code Skip} leaves it out (counted in
 * status.skippedRuns, with an Event); {@code Replace} cancels the active run and starts the scheduled one.
 */
public enum ConcurrencyPolicy {
    Skip, Replace
}
