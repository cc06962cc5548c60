package dev.dlt.agent.engine.taurus;

import dev.dlt.results.histogram.LatencyHistograms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * Reads JMeter's per-sample results (Taurus' {@code kpi.jtl}, CSV with a header row) into exact
 * response-time histograms per label, in microseconds, plus the overall label {@code ""}. Streams the
 * file; a truncated or malformed row (bzt killed mid-write) is skipped.
 */
final class KpiJtlReader {

    /** Labels beyond this many still count in the overall histogram; each histogram costs ~200 KB. */
    static final int MAX_LABELS = 500;
    private static final Logger LOG = Logger.getLogger(KpiJtlReader.class.getName());

    private KpiJtlReader() {
    }

    /**
     * What kpi.jtl held: a histogram per label and overall, the number of samples, and when the first
     * sample started and the last one ended (epoch millis; 0 without a {@code timeStamp} column).
     */
    record Samples(LatencyHistograms histograms, long count, long firstStartMs, long lastEndMs) {

        Samples(LatencyHistograms histograms, long count) {
            this(histograms, count, 0, 0);
        }

        /** From the first sample's start to the last one's end; zero when unknown. */
        Duration span() {
            return firstStartMs > 0 && lastEndMs >= firstStartMs ? Duration.ofMillis(lastEndMs - firstStartMs) : Duration.ZERO;
        }
    }

    static Samples read(Path jtl) throws IOException {
        // InputStreamReader replaces malformed bytes instead of failing on them
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(jtl), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null) {
                return new Samples(histograms(Map.of(), LatencyHistograms.newHistogram()), 0);
            }
            KpiJtlHeader columns = KpiJtlHeader.of(header);
            if (!columns.hasElapsedAndLabel()) {
                throw new IOException(jtl.getFileName() + " has no 'elapsed' and 'label' columns in its header: " + header);
            }
            return read(new CsvRecordReader(in, columns.delimiter(), 1), columns.column("elapsed"), columns.column("label"),
                    columns.column("timeStamp"), jtl);
        }
    }

    private static Samples read(CsvRecordReader csv, int elapsedColumn, int labelColumn, int timeColumn, Path jtl) throws IOException {
        Map<String, Histogram> byLabel = new LinkedHashMap<>();
        Histogram overall = LatencyHistograms.newHistogram();
        long count = 0;
        long skipped = 0;
        long overflow = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int needed = Math.max(elapsedColumn, labelColumn);
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
            long micros;
            try {
                micros = KpiJtlHeader.elapsedMicros(Long.parseLong(row.size() > needed ? row.get(elapsedColumn).trim() : ""));
            } catch (NumberFormatException e) {
                skipped++;
                continue;
            }
            overall.recordValue(micros);
            count++;
            long start = timeColumn >= 0 && row.size() > timeColumn ? startMillis(row.get(timeColumn)) : -1;
            if (start >= 0) {
                first = Math.min(first, start);
                last = Math.max(last, start + micros / 1000);
            }
            String name = row.get(labelColumn);
            if (name.isEmpty()) {
                continue;
            }
            Histogram histogram = byLabel.get(name);
            if (histogram == null && byLabel.size() < MAX_LABELS) {
                histogram = LatencyHistograms.newHistogram();
                byLabel.put(name, histogram);
            }
            if (histogram == null) {
                overflow++;
            } else {
                histogram.recordValue(micros);
            }
        }
        if (skipped > 0) {
            long s = skipped;
            LOG.warning(() -> jtl.getFileName() + ": skipped " + s + " malformed row(s)");
        }
        if (overflow > 0) {
            long o = overflow;
            LOG.warning(() -> jtl.getFileName() + ": more than " + MAX_LABELS + " labels; " + o
                    + " sample(s) of further labels count only in the overall histogram");
        }
        return last >= first ? new Samples(histograms(byLabel, overall), count, first, last) : new Samples(histograms(byLabel, overall), count);
    }

    /** JMeter's default epoch-millis timestamp; -1 for any other format (jmeter.save.saveservice.timestamp_format). */
    private static long startMillis(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LatencyHistograms histograms(Map<String, Histogram> byLabel, Histogram overall) {
        LatencyHistograms histograms = new LatencyHistograms();
        byLabel.forEach(histograms::put);
        histograms.put("", overall);
        return histograms;
    }
}
