package dev.dlt.results.histogram;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes HdrHistogram's compressed encoding (V2: zlib around a 40-byte header and ZigZag LEB128
 * counts) into a {@link SparseHistogram}, checking every field instead of trusting it: a forged
 * header, a bad compression or counts that overflow fail with a reason, never with an unchecked
 * exception or an allocation the header asked for. One decoder per thread: it reuses its buffer.
 */
public final class HistogramDecoder implements AutoCloseable {

    static final int COMPRESSED_COOKIE = 0x1c849314;
    static final int COOKIE = 0x1c849313;
    private static final int HEADER_BYTES = 40;
    /** A ZigZag LEB128 count takes at most 9 bytes. */
    static final int MAX_DECODED_BYTES = HEADER_BYTES + LatencyIndex.LENGTH * 9;

    private final byte[] decoded = new byte[MAX_DECODED_BYTES + 1];
    private final Inflater inflater = new Inflater();

    /**
     * @param maxBuckets the most non-zero buckets accepted (the caller's memory budget)
     */
    public SparseHistogram decode(byte[] compressed, int maxBuckets) throws HistogramFormatException {
        ByteBuffer in = ByteBuffer.wrap(compressed);
        if (in.remaining() < 8) {
            throw new HistogramFormatException("is " + compressed.length + " bytes long, too short for a histogram");
        }
        int cookie = in.getInt();
        if (cookie != COMPRESSED_COOKIE) {
            throw new HistogramFormatException(String.format("has cookie 0x%08x, expected 0x%08x (HdrHistogram V2, compressed)",
                    cookie, COMPRESSED_COOKIE));
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new HistogramFormatException("claims " + length + " compressed bytes but has " + in.remaining());
        }
        int size = inflate(compressed, 8, length);
        return counts(ByteBuffer.wrap(decoded, 0, size), maxBuckets);
    }

    private int inflate(byte[] compressed, int offset, int length) throws HistogramFormatException {
        inflater.reset();
        inflater.setInput(compressed, offset, length);
        try {
            int size = 0;
            while (!inflater.finished() && size < decoded.length) {
                int n = inflater.inflate(decoded, size, decoded.length - size);
                if (n == 0 && !inflater.finished()) {
                    throw new HistogramFormatException("has truncated compressed data");
                }
                size += n;
            }
            if (size > MAX_DECODED_BYTES) {
                throw new HistogramFormatException("decompresses to more than " + MAX_DECODED_BYTES + " bytes");
            }
            return size;
        } catch (DataFormatException e) {
            throw new HistogramFormatException("has bad compressed data: " + e.getMessage());
        }
    }

    private static SparseHistogram counts(ByteBuffer in, int maxBuckets) throws HistogramFormatException {
        if (in.remaining() < HEADER_BYTES) {
            throw new HistogramFormatException("has a header of " + in.remaining() + " bytes, expected " + HEADER_BYTES);
        }
        int cookie = in.getInt();
        int payload = in.getInt();
        int normalizingOffset = in.getInt();
        int digits = in.getInt();
        long lowest = in.getLong();
        long highest = in.getLong();
        in.getDouble(); // integer-to-double conversion ratio: meaningless for integer histograms
        if (cookie != COOKIE) {
            throw new HistogramFormatException(String.format("has inner cookie 0x%08x, expected 0x%08x", cookie, COOKIE));
        }
        if (payload < 0 || payload > in.remaining()) {
            throw new HistogramFormatException("claims " + payload + " payload bytes but has " + in.remaining());
        }
        if (digits != LatencyHistograms.SIGNIFICANT_DIGITS || lowest != 1 || normalizingOffset != 0 || highest < 2) {
            throw new HistogramFormatException("has layout (significant digits " + digits + ", lowest " + lowest + ", highest "
                    + highest + ", offset " + normalizingOffset + "), expected (3, 1, up to "
                    + LatencyHistograms.HIGHEST_TRACKABLE_MICROS + ", 0)");
        }
        int end = in.position() + payload;
        SparseHistogram.Builder buckets = new SparseHistogram.Builder();
        int index = 0;
        try {
            while (in.position() < end) {
                long count = zigZag(in, end);
                if (count < 0) {
                    if (-count > LatencyIndex.LENGTH - index) {
                        throw new HistogramFormatException("has counts beyond the " + LatencyIndex.LENGTH + " buckets of the layout");
                    }
                    index += (int) -count;
                    continue;
                }
                if (index >= LatencyIndex.LENGTH) {
                    throw new HistogramFormatException("has counts beyond the " + LatencyIndex.LENGTH + " buckets of the layout");
                }
                if (count > 0) {
                    if (buckets.size() >= maxBuckets) {
                        throw new HistogramFormatException("has more than " + maxBuckets + " non-empty buckets");
                    }
                    buckets.add(index, count);
                }
                index++;
            }
        } catch (ArithmeticException e) {
            throw new HistogramFormatException("has counts whose total overflows");
        }
        return buckets.build();
    }

    /** One ZigZag LEB128 number, as HdrHistogram writes it (the ninth byte carries 8 bits). */
    private static long zigZag(ByteBuffer in, int end) throws HistogramFormatException {
        long value = 0;
        for (int i = 0; i < 9; i++) {
            if (in.position() >= end) {
                throw new HistogramFormatException("has a truncated count");
            }
            long b = in.get() & 0xFF;
            if (i == 8) {
                value |= b << 56;
                break;
            }
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return (value >>> 1) ^ -(value & 1);
    }

    @Override
    public void close() {
        inflater.end();
    }
}
