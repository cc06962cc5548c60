package dev.dlt.agent.gate;

/** A worker's acknowledgement of a start message: its id, its receive time, and the echoed nonce. */
public record AckMessage(String testId, String runId, String workerId, long receivedAtMs, long startAtMs, String nonce) {
}
