package dev.dlt.operator.live;

import dev.dlt.results.live.LabelInterval;
import java.util.Map;

/** The numbers of one timeline point for one label, region or the whole run; times in milliseconds. */
public record PointStats(long requests, long failures, long bytes, Map<String, Long> codes, double p50Ms, double p90Ms,
                         double p95Ms, double p99Ms) {

    public static PointStats of(LabelInterval counts) {
        return new PointStats(counts.requests(), counts.failures(), counts.bytes(), counts.codes(), counts.percentileMs(50),
                counts.percentileMs(90), counts.percentileMs(95), counts.percentileMs(99));
    }
}
