package dev.dlt.operator.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.check.InvalidResultException;
import dev.dlt.results.check.UntrustedText;
import dev.dlt.results.histogram.HistogramDecoder;
import dev.dlt.results.histogram.HistogramFormatException;
import dev.dlt.results.histogram.HistogramSidecarReader;
import dev.dlt.results.histogram.SparseHistogram;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerReport;
import dev.dlt.results.layout.WorkerReportFile;
import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.TaurusFormatException;
import dev.dlt.results.taurus.TaurusXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one worker's files (report, Taurus XML, histograms) within their size limits and parses
 * them; they are merged into the run's aggregate later, and only when all of them are readable and
 * add up. Whatever is wrong with the files becomes the worker's problem; only a failure of S3 itself is thrown.
 */
final class WorkerReader {

    /** How much longer than planned a worker may say it ran: beyond that its clock or report is wrong. */
    static final Duration MAX_OVERRUN = Duration.ofHours(1);
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ObjectStore store;

    WorkerReader(ObjectStore store) {
        this.store = store;
    }

    /**
     * @param present     the names of the files in the region's results folder
     * @param loadDuration ramp-up + hold-for of the run, or null when unknown
     * @throws ObjectStore.Unavailable when S3 fails; the worker is then not done and is read again next time
     */
    WorkerRead read(String bucket, ResultKeys keys, String workerId, Set<String> present, Duration loadDuration,
                    HistogramDecoder decoder) {
        String region = keys.region();
        WorkerReportFile.Contents file;
        try {
            Optional<WorkerReportFile.Contents> read = readReport(bucket, keys.workerFile(workerId, ResultKeys.REPORT), decoder);
            if (read.isEmpty()) {
                return settled(CollectedWorker.missing(region, workerId));
            }
            file = read.get();
        } catch (Exception e) {
            return settled(new CollectedWorker(region, workerId, true, null, false, "unreadable report: " + describe(e)));
        }
        WorkerReport report = file.report();
        if (!report.generatedLoad()) {
            return settled(new CollectedWorker(region, workerId, true, report, false,
                    UntrustedText.shorten(report.outcome()) + ": " + UntrustedText.shorten(report.message())));
        }
        String timing = timingProblem(report, loadDuration);
        if (timing != null) {
            return settled(new CollectedWorker(region, workerId, true, report, false, timing));
        }
        if (!present.contains(workerId + ResultKeys.XML)) {
            return settled(new CollectedWorker(region, workerId, true, report, false, "no Taurus results XML in S3"));
        }
        // a report that carries the histograms spares the GET of <worker>.hdr.json (reports of older agents do not)
        boolean withHistograms = file.hasHistograms() || present.contains(workerId + ResultKeys.HISTOGRAMS);
        try {
            FinalStatus status = readXml(bucket, keys.workerFile(workerId, ResultKeys.XML));
            Map<String, SparseHistogram> histograms = file.hasHistograms() ? file.histograms()
                    : withHistograms ? readHistograms(bucket, keys.workerFile(workerId, ResultKeys.HISTOGRAMS), decoder) : Map.of();
            SparseHistogram service = report.openModel() != null && present.contains(workerId + ResultKeys.SERVICE_HISTOGRAMS)
                    ? readHistograms(bucket, keys.workerFile(workerId, ResultKeys.SERVICE_HISTOGRAMS), decoder).get(FinalStatus.OVERALL)
                    : null;
            return new WorkerRead.Parsed(region, workerId, report, status, histograms, service, withHistograms);
        } catch (Exception e) {
            return settled(new CollectedWorker(region, workerId, true, report, false, describe(e)));
        }
    }

    private static WorkerRead settled(CollectedWorker worker) {
        return new WorkerRead.Settled(worker);
    }

    Optional<WorkerReportFile.Contents> readReport(String bucket, String key, HistogramDecoder decoder)
            throws IOException, HistogramFormatException {
        Optional<InputStream> in = store.open(bucket, key, ResultFiles.MAX_REPORT_BYTES);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(WorkerReportFile.read(stream, decoder));
        }
    }

    private FinalStatus readXml(String bucket, String key) throws IOException, TaurusFormatException {
        try (InputStream in = store.open(bucket, key, ResultFiles.MAX_XML_BYTES)
                .orElseThrow(() -> new TaurusFormatException("no Taurus results XML in S3"))) {
            return TaurusXmlReader.read(in);
        } catch (TaurusFormatException e) {
            throw new TaurusFormatException("unreadable Taurus results XML: " + e.getMessage(), e);
        } catch (ObjectStore.TooLarge e) {
            throw e;
        } catch (IOException e) {
            // the parser's own complaints about the bytes (bad encoding); a failing S3 stream is Unavailable, not an IOException
            throw new TaurusFormatException("unreadable Taurus results XML: " + e.getMessage(), e);
        }
    }

    private Map<String, SparseHistogram> readHistograms(String bucket, String key, HistogramDecoder decoder)
            throws IOException, HistogramFormatException {
        Optional<InputStream> in = store.open(bucket, key, ResultFiles.MAX_HISTOGRAM_BYTES);
        if (in.isEmpty()) {
            return Map.of();
        }
        try (InputStream stream = in.get()) {
            return new HistogramSidecarReader(decoder).read(stream);
        }
    }

    private static String timingProblem(WorkerReport report, Duration loadDuration) {
        if (report.finishedAtMs() < report.startedAtMs()) {
            return "its report says it finished (" + report.finishedAtMs() + ") before it started (" + report.startedAtMs() + ")";
        }
        if (loadDuration != null && loadDuration.isPositive()
                && report.finishedAtMs() - report.startedAtMs() > loadDuration.multipliedBy(2).plus(MAX_OVERRUN).toMillis()) {
            return "its report says it ran " + (report.finishedAtMs() - report.startedAtMs()) / 1000 + " s, far longer than the planned "
                    + loadDuration.toSeconds() + " s";
        }
        return null;
    }

    /** The reason for the worker's exclusion; rethrows a failure of S3 hidden inside a parser's exception. */
    static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ObjectStore.Unavailable unavailable) {
                throw unavailable;
            }
            if (t instanceof ObjectStore.TooLarge tooLarge) {
                return tooLarge.getMessage();
            }
        }
        String message = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
        if (e instanceof TaurusFormatException || e instanceof HistogramFormatException || e instanceof InvalidResultException) {
            return UntrustedText.shorten(message, 400);
        }
        return UntrustedText.shorten(e.getClass().getSimpleName() + ": " + message, 400);
    }
}
