package dev.dlt.agent.gate;

import java.io.IOException;

/** Decides the start instant once every worker is reachable: the leader's own, or one the operator sets for all regions. */
@FunctionalInterface
public interface StartInstantSource {

    /** The instant to start at (epoch millis); an IOException aborts the start with its message. */
    long startAt() throws IOException, InterruptedException;
}
