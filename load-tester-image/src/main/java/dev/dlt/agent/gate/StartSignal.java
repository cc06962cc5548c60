package dev.dlt.agent.gate;

/** A valid start message as a worker received it. */
public record StartSignal(long startAtMs, long receivedAtMs, String nonce) {
}
