package dev.dlt.backend;

/** Where a launched worker is in its life, as its backend sees it. */
public enum WorkerState {
    /** Launched, not yet listening (scheduling, pulling the image, starting). */
    PENDING,
    /** Up and listening on its start gate. */
    READY,
    /** Exited with success. */
    SUCCEEDED,
    /** Exited with failure, or could not be launched, or vanished. */
    FAILED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
