package dev.dlt.results.aggregate;

import java.util.Map;

/**
 * The merged statistics of one label (or of all, label {@code ""}) across workers. Times in
 * milliseconds; {@code percentilesExact} is false when some worker had no histogram and the
 * percentiles are count-weighted approximations.
 */
public record LabelResult(String label, long requests, long succ, long fail, double errorRate, double rps,
                          double avgRtMs, double stdevRtMs, double avgLtMs, double avgCtMs, long bytes,
                          long concurrency, Map<String, Long> responseCodes,
                          double minMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double p999Ms,
                          double maxMs, boolean percentilesExact) {
}
