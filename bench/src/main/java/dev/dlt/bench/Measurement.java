package dev.dlt.bench;

/**
 * What one generator did in one round: requests completed (and failed), wall-clock seconds, the
 * CPU seconds it consumed (user + system; NaN when unknown), and its latency distribution in
 * microseconds: p50, p99, max and how many requests took longer than 100 ms.
 */
record Measurement(long requests, long failures, double seconds, double cpuSeconds,
                   long p50Micros, long p99Micros, long maxMicros, long over100ms) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    /** CPU time per request: the efficiency measure that background load on the machine disturbs least. */
    double cpuMicrosPerRequest() {
        return cpuSeconds * 1e6 / requests;
    }

    String describe() {
        return String.format("%,.0f req/s, %.1f CPU-us/req, p50 %s p99 %s max %s, %d > 100 ms%s",
                requestsPerSecond(), cpuMicrosPerRequest(), millis(p50Micros), millis(p99Micros), millis(maxMicros),
                over100ms, failures == 0 ? "" : String.format(" (%,d failed)", failures));
    }

    static String millis(long micros) {
        return String.format("%.2f ms", micros / 1000.0);
    }

    String encode() {
        return requests + " " + failures + " " + seconds + " " + cpuSeconds + " " + p50Micros + " " + p99Micros + " "
                + maxMicros + " " + over100ms;
    }

    static Measurement decode(String line) {
        String[] f = line.trim().split(" ");
        return new Measurement(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                Long.parseLong(f[7]));
    }
}
