package dev.dlt.operator.compare;

import dev.dlt.results.aggregate.AggregateResult;
import dev.dlt.results.histogram.SparseHistogram;
import java.util.Map;

/** What a later run compares itself with: a run's aggregate and its exact merged histograms per label ({@code ""} overall). */
public record RunBasis(String runId, AggregateResult aggregate, Map<String, SparseHistogram> histograms) {

    public RunBasis {
        histograms = Map.copyOf(histograms);
    }
}
