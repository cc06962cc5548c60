package dev.dlt.results.histogram;

/**
 * The bucket indexes of the latency histograms (1 µs .. 1 h, three significant digits), computed as
 * HdrHistogram computes them, so counts can be merged index by index without holding a full histogram.
 */
public final class LatencyIndex {

    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 10;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = (2L * SUB_BUCKET_HALF_COUNT) - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_COUNT_MAGNITUDE - 1;
    /** Buckets that cover {@link LatencyHistograms#HIGHEST_TRACKABLE_MICROS}, plus one, as HdrHistogram sizes them. */
    private static final int BUCKETS = 22;

    /** The number of indexes: the length of the counts array of {@link LatencyHistograms#newHistogram()}. */
    public static final int LENGTH = (BUCKETS + 1) * SUB_BUCKET_HALF_COUNT;

    private LatencyIndex() {
    }

    /** The lowest value that falls into the bucket at {@code index}. */
    public static long valueAt(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return ((long) subBucket) << bucket;
    }

    /** The index of the bucket a value falls into; only meaningful for 0 .. valueAt(LENGTH - 1). */
    public static int indexOf(long value) {
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
    }
}
