package dev.dlt.operator.results;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.layout.WorkerReportFile;
import dev.dlt.results.taurus.TaurusXmlReader;

/** The most bytes read of each kind of file a run's workers and leaders upload; bigger files are refused unread. */
final class ResultFiles {

    /** Taurus FinalStatus XML: thousands of labels fit in a few MB. */
    static final long MAX_XML_BYTES = TaurusXmlReader.MAX_BYTES;
    /** The latency histograms: a few KB per label, compressed. */
    static final long MAX_HISTOGRAM_BYTES = LatencyHistograms.MAX_JSON_BYTES;
    /** A worker's own report: a dozen fields, and its histograms when they fit. */
    static final long MAX_REPORT_BYTES = WorkerReportFile.MAX_BYTES;
    /** A leader's report: one entry (~200 bytes) per worker of its region. */
    static final long MAX_LEADER_REPORT_BYTES = 8L * 1024 * 1024;

    private ResultFiles() {
    }
}
