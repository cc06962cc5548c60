package dev.dlt.results.histogram;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One worker's latency histogram of one label as only its non-zero buckets ({@link LatencyIndex}
 * indexes in ascending order, with their counts): a few kilobytes where the full histogram takes ~190 KB.
 */
public final class SparseHistogram {

    private final int[] indexes;
    private final long[] counts;
    private final long totalCount;

    SparseHistogram(int[] indexes, long[] counts, long totalCount) {
        this.indexes = indexes;
        this.counts = counts;
        this.totalCount = totalCount;
    }

    /** The non-zero buckets of a full histogram of the standard layout (see {@link LatencyHistograms#newHistogram()}). */
    public static SparseHistogram of(Histogram histogram) {
        Builder builder = new Builder();
        for (HistogramIterationValue v : histogram.recordedValues()) {
            builder.add(LatencyIndex.indexOf(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
        }
        return builder.build();
    }

    public int size() {
        return indexes.length;
    }

    public int index(int i) {
        return indexes[i];
    }

    public long count(int i) {
        return counts[i];
    }

    public long totalCount() {
        return totalCount;
    }

    /** A full HdrHistogram with the same counts. */
    public Histogram toHistogram() {
        Histogram histogram = LatencyHistograms.newHistogram();
        for (int i = 0; i < indexes.length; i++) {
            histogram.recordValueWithCount(LatencyIndex.valueAt(indexes[i]), counts[i]);
        }
        return histogram;
    }

    /** Collects buckets in ascending index order. */
    static final class Builder {
        private int[] indexes = new int[64];
        private long[] counts = new long[64];
        private int size;
        private long total;

        /** @throws ArithmeticException when the total count overflows */
        void add(int index, long count) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            total = Math.addExact(total, count);
            indexes[size] = index;
            counts[size++] = count;
        }

        int size() {
            return size;
        }

        SparseHistogram build() {
            return new SparseHistogram(Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size), total);
        }
    }
}
