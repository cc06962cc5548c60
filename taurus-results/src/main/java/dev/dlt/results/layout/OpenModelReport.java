package dev.dlt.results.layout;

/**
 * What the schedule of an open-model run asked for and what the engine did: iterations due before
 * the run ended, sent, and dropped because {@code maxConcurrency} were in flight when they were due.
 *
 * @param requestedRate the schedule's iterations per second over the run ({@code due / seconds})
 */
public record OpenModelReport(long due, long sent, long dropped, double seconds, double requestedRate) {

    /** Iterations sent per second over the run. */
    public double achievedRate() {
        return seconds > 0 ? sent / seconds : 0;
    }
}
