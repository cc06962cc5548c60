package dev.dlt.bench;

/**
 * What one generator did in one round: requests completed (and failed), wall-clock seconds, and
 * the CPU seconds it consumed (user + system; NaN when unknown).
 */
record Measurement(long requests, long failures, double seconds, double cpuSeconds) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    /** CPU time per request: the efficiency measure that background load on the machine disturbs least. */
    double cpuMicrosPerRequest() {
        return cpuSeconds * 1e6 / requests;
    }

    String describe() {
        return String.format("%,.0f req/s, %.1f CPU-us/req%s", requestsPerSecond(), cpuMicrosPerRequest(),
                failures == 0 ? "" : String.format(" (%,d failed)", failures));
    }

    String encode() {
        return requests + " " + failures + " " + seconds + " " + cpuSeconds;
    }

    static Measurement decode(String line) {
        String[] f = line.trim().split(" ");
        return new Measurement(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]));
    }
}
