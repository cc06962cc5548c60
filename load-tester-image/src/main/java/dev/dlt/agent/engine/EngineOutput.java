package dev.dlt.agent.engine;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.layout.OpenModelReport;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an engine produced: the Taurus results XML, the latency histograms that merge exactly, the
 * number of samples, and log files worth uploading (name to file, e.g. {@code bzt.log}); for an open
 * model also the service-time histograms (the main ones are then timed from the intended send) and
 * what the schedule asked for and got (both null for a closed model).
 */
public record EngineOutput(EngineReport report, byte[] taurusXml, LatencyHistograms histograms, long samples,
                           Map<String, Path> logs, LatencyHistograms serviceHistograms, OpenModelReport open) {

    public EngineOutput {
        logs = logs == null ? Map.of() : Map.copyOf(logs);
    }

    /** The output of a closed-model run. */
    public EngineOutput(EngineReport report, byte[] taurusXml, LatencyHistograms histograms, long samples, Map<String, Path> logs) {
        this(report, taurusXml, histograms, samples, logs, null, null);
    }
}
