package dev.dlt.backend;

/**
 * One launched worker or leader as observed: its id, state, the address its start gate listens on
 * (once known) and a message when something went wrong.
 */
public record WorkerInstance(String workerId, WorkerRole role, WorkerState state, String address, String message) {
}
