package dev.dlt.results.aggregate;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.LatencyIndex;
import dev.dlt.results.histogram.SparseHistogram;
import org.HdrHistogram.Histogram;

/**
 * A merged latency histogram that allocates only the ranges of buckets in use (2 KB each), so a
 * label whose responses span a few decades costs tens of kilobytes, not the ~190 KB of a full one.
 */
final class LatencyCounts {

    private static final int CHUNK_BITS = 8;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final long[][] chunks = new long[(LatencyIndex.LENGTH + CHUNK - 1) / CHUNK][];
    private long total;

    /** Adds counts; the caller has made sure that the total cannot overflow. */
    void add(SparseHistogram histogram) {
        for (int i = 0; i < histogram.size(); i++) {
            int index = histogram.index(i);
            long[] chunk = chunks[index >>> CHUNK_BITS];
            if (chunk == null) {
                chunk = new long[CHUNK];
                chunks[index >>> CHUNK_BITS] = chunk;
            }
            chunk[index & (CHUNK - 1)] += histogram.count(i);
        }
        total += histogram.totalCount();
    }

    long total() {
        return total;
    }

    /** A full HdrHistogram with these counts, to read percentiles from; built on demand and dropped after. */
    Histogram toHistogram() {
        Histogram histogram = LatencyHistograms.newHistogram();
        for (int c = 0; c < chunks.length; c++) {
            long[] chunk = chunks[c];
            if (chunk == null) {
                continue;
            }
            for (int i = 0; i < CHUNK; i++) {
                if (chunk[i] != 0) {
                    histogram.recordValueWithCount(LatencyIndex.valueAt((c << CHUNK_BITS) + i), chunk[i]);
                }
            }
        }
        return histogram;
    }
}
