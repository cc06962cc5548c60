package dev.dlt.results.taurus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One {@code <Group>} of a Taurus {@code FinalStatus} report: the statistics of one label. Times are
 * in seconds, as Taurus writes them; {@code throughput} is a count of samples, not a rate.
 *
 * @param responseCodes count per response code; codes may be exception names ("ConnectException")
 * @param percentiles   percentile level (0.0 .. 100.0) to response time in seconds
 */
public record GroupStats(long throughput, long concurrency, long succ, long fail,
                         double avgRt, double stdevRt, double avgLt, double avgCt, long bytes,
                         Map<String, Long> responseCodes, NavigableMap<Double, Double> percentiles) {

    public GroupStats {
        responseCodes = Collections.unmodifiableMap(new LinkedHashMap<>(responseCodes == null ? Map.of() : responseCodes));
        percentiles = Collections.unmodifiableNavigableMap(new TreeMap<>(percentiles == null ? Map.of() : percentiles));
    }

    /** The response time at a percentile level in seconds, or NaN when the report does not have it. */
    public double percentile(double level) {
        Double value = percentiles.get(level);
        return value == null ? Double.NaN : value;
    }
}
