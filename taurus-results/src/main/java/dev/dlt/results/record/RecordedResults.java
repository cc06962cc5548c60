package dev.dlt.results.record;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.taurus.FinalStatus;

/** A worker's results: the Taurus report and its latency histograms. */
public record RecordedResults(FinalStatus status, LatencyHistograms histograms) {
}
