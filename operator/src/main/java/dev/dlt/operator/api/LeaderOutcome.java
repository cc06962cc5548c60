package dev.dlt.operator.api;

/** What a region's leader did: started every worker, started some, or started none (a worker was unreachable). */
public enum LeaderOutcome {
    STARTED, PARTIAL, ABORTED;

    /** The outcome a leader report names; unknown text (an untrusted file) is treated as ABORTED. */
    public static LeaderOutcome of(String text) {
        for (LeaderOutcome outcome : values()) {
            if (outcome.name().equals(text)) {
                return outcome;
            }
        }
        return ABORTED;
    }
}
