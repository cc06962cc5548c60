package dev.dlt.bench.startspread;

import java.util.Arrays;

/**
 * One measured start: how far apart the workers' actual starts were, how far from the signalled
 * instant they were, and how long the leader took until every worker had acknowledged.
 *
 * @param startOffsetsMicros per started worker, its actual start minus the start instant (µs)
 */
record SpreadResult(int workers, int started, int acknowledged, long[] startOffsetsMicros, long ackMillis) {

    double spreadMs() {
        if (startOffsetsMicros.length == 0) {
            return Double.NaN;
        }
        long[] sorted = startOffsetsMicros.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length - 1] - sorted[0]) / 1000.0;
    }

    double p99AbsoluteOffsetMs() {
        if (startOffsetsMicros.length == 0) {
            return Double.NaN;
        }
        long[] abs = Arrays.stream(startOffsetsMicros).map(Math::abs).sorted().toArray();
        int index = (int) Math.ceil(0.99 * abs.length) - 1;
        return abs[Math.max(0, index)] / 1000.0;
    }

    double maxLateMs() {
        return Arrays.stream(startOffsetsMicros).max().orElse(0) / 1000.0;
    }

    String line() {
        return String.format("N=%5d  started %5d  acked %5d  spread(max-min) %8.3f ms  p99|start-instant| %8.3f ms  latest %8.3f ms"
                        + "  all ACKs after %6d ms",
                workers, started, acknowledged, spreadMs(), p99AbsoluteOffsetMs(), maxLateMs(), ackMillis);
    }
}
