package dev.dlt.agent.engine;

/**
 * Receives one sample per completed (or failed) request. Called concurrently from many virtual
 * users; implementations must be thread-safe. Times are in microseconds and follow JMeter's
 * definitions: response time and latency both include the connect time; connect time is 0 on a
 * reused keep-alive connection.
 *
 * @param responseCode the HTTP status code as text ("200"), or for a request that got no HTTP
 *                     response the simple name of the exception ("ConnectException",
 *                     "SocketTimeoutException"), as Taurus reports it
 */
@FunctionalInterface
public interface SampleSink {
    void accept(String label, long responseTimeMicros, long latencyMicros, long connectMicros,
                long bytes, String responseCode, boolean success);
}
