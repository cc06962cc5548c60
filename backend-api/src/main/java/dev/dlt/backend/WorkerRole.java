package dev.dlt.backend;

/** A worker generates load; the leader of a region starts its workers. */
public enum WorkerRole {
    WORKER, LEADER
}
