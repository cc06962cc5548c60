package dev.dlt.operator.run;

import dev.dlt.operator.api.Phase;

/** What a phase's step decided: stay and look again, move to the next phase, or end the run. */
public sealed interface StepOutcome {

    /** Keep the phase; the message says what the run waits for. */
    record Stay(String message) implements StepOutcome {
    }

    /** Move on to {@code next}; {@code event} (may be null) is recorded as a Normal Event with the message. */
    record Advance(Phase next, String message, String event) implements StepOutcome {
    }

    /** The run's end is decided: it goes to Recording, then to {@code outcome}. */
    record End(Phase outcome, String reason, String message) implements StepOutcome {
    }

    static StepOutcome stay(String message) {
        return new Stay(message);
    }

    static StepOutcome fail(String reason, String message) {
        return new End(Phase.Failed, reason, message);
    }
}
