package dev.dlt.agent.engine.taurus;

import dev.dlt.results.histogram.LatencyHistograms;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The header row of JMeter's kpi.jtl: the delimiter it shows and the column names, shared by the reader of
 * the whole file and the tail that follows it while bzt runs.
 */
record KpiJtlHeader(char delimiter, List<String> columns) {

    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    /** JMeter's delimiter is configurable (jmeter.save.saveservice.default_delimiter); the header shows it. */
    static KpiJtlHeader of(String header) {
        char delimiter = ',';
        for (char candidate : DELIMITERS) {
            if (header.contains(candidate + "elapsed") || header.startsWith("elapsed" + candidate)) {
                delimiter = candidate;
                break;
            }
        }
        return new KpiJtlHeader(delimiter, Arrays.asList(header.split(Pattern.quote(String.valueOf(delimiter)), -1)));
    }

    /** The index of the named column, or -1 when the header has none. */
    int column(String name) {
        return columns.indexOf(name);
    }

    /** Whether the rows can be read at all: they need an elapsed time and a label. */
    boolean hasElapsedAndLabel() {
        return column("elapsed") >= 0 && column("label") >= 0;
    }

    /** JMeter's elapsed is in milliseconds; the histograms take microseconds, up to their highest trackable value. */
    static long elapsedMicros(long millis) {
        return millis >= LatencyHistograms.HIGHEST_TRACKABLE_MICROS / 1000
                ? LatencyHistograms.HIGHEST_TRACKABLE_MICROS
                : LatencyHistograms.clamp(millis * 1000);
    }
}
