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

    /** An empty histogram. */
    public static SparseHistogram empty() {
        return new SparseHistogram(new int[0], new long[0], 0);
    }

    /** The bucket-by-bucket sum of two histograms: merging is exact. */
    public SparseHistogram plus(SparseHistogram other) {
        Builder builder = new Builder();
        int i = 0;
        int j = 0;
        while (i < indexes.length || j < other.indexes.length) {
            if (j == other.indexes.length || i < indexes.length && indexes[i] < other.indexes[j]) {
                builder.add(indexes[i], counts[i++]);
            } else if (i == indexes.length || other.indexes[j] < indexes[i]) {
                builder.add(other.indexes[j], other.counts[j++]);
            } else {
                builder.add(indexes[i], Math.addExact(counts[i++], other.counts[j++]));
            }
        }
        return builder.build();
    }

    /** The value below which {@code percentile} percent of the counts fall, in microseconds, as HdrHistogram reports it; 0 when empty. */
    public long valueAtPercentile(double percentile) {
        if (totalCount == 0) {
            return 0;
        }
        long wanted = Math.max(1, (long) Math.ceil(Math.min(100.0, percentile) / 100.0 * totalCount));
        long seen = 0;
        for (int i = 0; i < indexes.length; i++) {
            seen += counts[i];
            if (seen >= wanted) {
                return LatencyIndex.valueAt(indexes[i] + 1) - 1;
            }
        }
        return LatencyIndex.valueAt(indexes[indexes.length - 1] + 1) - 1;
    }

    /** HdrHistogram's compressed encoding of these counts. */
    public byte[] encodeCompressed() {
        Histogram histogram = toHistogram();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseHistogram other && totalCount == other.totalCount && Arrays.equals(indexes, other.indexes)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indexes) * 31 + Arrays.hashCode(counts);
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
