package dev.dlt.agent.engine;

import dev.dlt.results.histogram.LatencyHistograms;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an engine produced: the Taurus results XML, the latency histograms that merge exactly, the
 * number of samples, and log files worth uploading (name to file, e.g. {@code bzt.log}).
 */
public record EngineOutput(EngineReport report, byte[] taurusXml, LatencyHistograms histograms, long samples,
                           Map<String, Path> logs) {

    public EngineOutput {
        logs = logs == null ? Map.of() : Map.copyOf(logs);
    }
}
