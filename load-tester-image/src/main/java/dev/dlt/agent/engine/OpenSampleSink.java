package dev.dlt.agent.engine;

/**
 * Receives one sample per iteration of an open-model run, with both views of its time: from the
 * instant the schedule intended to send it (free of coordinated omission: a stalled target delays
 * the iterations due during the stall, and their waiting is counted) and from the actual send (the
 * service time). Thread-safe like {@link SampleSink}; times in microseconds.
 *
 * @param intendedLatencyMicros the time to the first response byte, also counted from the intended send
 */
@FunctionalInterface
public interface OpenSampleSink {
    void accept(String label, long intendedResponseTimeMicros, long intendedLatencyMicros, long serviceTimeMicros,
                long serviceLatencyMicros, long connectMicros, long bytes, String responseCode, boolean success);
}
