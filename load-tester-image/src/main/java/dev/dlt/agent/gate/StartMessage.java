package dev.dlt.agent.gate;

/**
 * The leader's start message: which run, the instant to start at (epoch millis, wall clock), when it
 * was sent, and a nonce the acknowledgement must echo.
 */
public record StartMessage(String testId, String runId, String region, long startAtMs, long sentAtMs, String nonce) {
}
