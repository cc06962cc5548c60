package dev.dlt.agent.engine.taurus;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** The Taurus artifacts dir of one run: where bzt leaves results.xml, kpi.jtl and its logs. */
record RunArtifacts(Path dir) {

    /** Logs bigger than this are uploaded as their last part: the agent uploads them from memory. */
    static final long MAX_LOG_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(RunArtifacts.class.getName());

    Path resultsXml() {
        return dir.resolve(BztConfig.RESULTS_XML);
    }

    /** A file bzt or JMeter wrote, directly in the artifacts dir or one folder down. */
    Optional<Path> find(String name) throws IOException {
        Path direct = dir.resolve(name);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).filter(Files::isRegularFile).findFirst();
        }
    }

    /** The samples of kpi.jtl; without one, no histograms and the sample count of the report. */
    KpiJtlReader.Samples samples(FinalStatus status) throws IOException {
        Optional<Path> jtl = find("kpi.jtl");
        if (jtl.isPresent()) {
            return KpiJtlReader.read(jtl.get());
        }
        LOG.warning("bzt wrote no kpi.jtl: no latency histograms for this worker");
        return new KpiJtlReader.Samples(new LatencyHistograms(), status.overall().map(GroupStats::throughput).orElse(0L));
    }

    /** The logs worth uploading: bzt's console output, JMeter's log and Taurus' own debug log. */
    Map<String, Path> logs(Path consoleLog, Path workDir) throws IOException {
        Map<String, Path> logs = new LinkedHashMap<>();
        logs.put("bzt.log", consoleLog);
        Optional<Path> jmeter = find("jmeter.log");
        if (jmeter.isPresent()) {
            logs.put("jmeter.log", bounded(jmeter.get(), workDir.resolve("jmeter.log.tail")));
        }
        Optional<Path> taurus = find("bzt.log");
        if (taurus.isPresent()) {
            logs.put("bzt-debug.log", bounded(taurus.get(), workDir.resolve("bzt-debug.log.tail")));
        }
        return logs;
    }

    private static Path bounded(Path log, Path tail) throws IOException {
        long size = Files.size(log);
        if (size <= MAX_LOG_BYTES) {
            return log;
        }
        try (InputStream in = Files.newInputStream(log); OutputStream out = Files.newOutputStream(tail)) {
            in.skipNBytes(size - MAX_LOG_BYTES);
            out.write(("[" + log.getFileName() + " is " + size + " bytes; this is its last " + MAX_LOG_BYTES + "]\n")
                    .getBytes(StandardCharsets.UTF_8));
            in.transferTo(out);
        }
        return tail;
    }
}
