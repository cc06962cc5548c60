package dev.dlt.operator.api;

/**
 * The phases of a run, in order; the last three are final. {@code Recording} holds a run whose end is
 * decided (and whose result is in status) until its workers are stopped and DynamoDB has its record.
 */
public enum Phase {
    Pending, Launching, Starting, Running, Collecting, Recording, Succeeded, Failed, Cancelled;

    public boolean terminal() {
        return this == Succeeded || this == Failed || this == Cancelled;
    }

    /** True while the run has workers to follow or a result to store. */
    public boolean active() {
        return this != Pending && !terminal();
    }
}
