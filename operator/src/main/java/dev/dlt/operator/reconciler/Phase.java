package dev.dlt.operator.reconciler;

/** The phases of a LoadTest; the last three are final for a generation. */
public enum Phase {
    Pending, Launching, Starting, Running, Collecting, Succeeded, Failed, Cancelled;

    public boolean terminal() {
        return this == Succeeded || this == Failed || this == Cancelled;
    }

    public static Phase of(String value) {
        if (value == null) {
            return Pending;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return Pending;
        }
    }
}
