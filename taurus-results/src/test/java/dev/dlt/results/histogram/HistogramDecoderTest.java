package dev.dlt.results.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramDecoderTest {

    private final HistogramDecoder decoder = new HistogramDecoder();

    @Test
    void indexesAreThoseOfHdrHistogram() {
        Histogram reference = LatencyHistograms.newHistogram();
        for (int index = 0; index < LatencyIndex.LENGTH; index++) {
            long value = LatencyIndex.valueAt(index);
            assertThat(LatencyIndex.indexOf(value)).isEqualTo(index);
            assertThat(reference.lowestEquivalentValue(value)).as("index %d", index).isEqualTo(value);
            if (index > 0) {
                assertThat(value).isGreaterThan(LatencyIndex.valueAt(index - 1));
            }
        }
        // the last index holds the highest trackable value, as in HdrHistogram's counts array
        assertThat(LatencyIndex.indexOf(LatencyHistograms.HIGHEST_TRACKABLE_MICROS)).isLessThan(LatencyIndex.LENGTH);
    }

    @Test
    void decodesWhatHdrHistogramEncodes() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Histogram original = LatencyHistograms.newHistogram();
            int samples = random.nextInt(50_000);
            for (int i = 0; i < samples; i++) {
                original.recordValueWithCount(LatencyHistograms.clamp((long) Math.exp(random.nextDouble() * 22)), 1 + random.nextInt(3));
            }
            if (round == 1) {
                original.recordValueWithCount(LatencyHistograms.HIGHEST_TRACKABLE_MICROS, Long.MAX_VALUE / 4);
            }

            SparseHistogram sparse = decoder.decode(encode(original), Integer.MAX_VALUE);

            assertThat(sparse.totalCount()).isEqualTo(original.getTotalCount());
            assertThat(sparse.toHistogram()).isEqualTo(original);
            assertThat(SparseHistogram.of(original).toHistogram()).isEqualTo(original);
        }
    }

    @Test
    void refusesWrongCookie() {
        byte[] bytes = encode(sample());
        bytes[3] ^= 0x01;
        assertThatThrownBy(() -> decoder.decode(bytes, 1000)).isInstanceOf(HistogramFormatException.class).hasMessageContaining("cookie");
    }

    @Test
    void refusesHugeClaimedLength() {
        byte[] bytes = encode(sample());
        ByteBuffer.wrap(bytes).putInt(4, Integer.MAX_VALUE);
        assertThatThrownBy(() -> decoder.decode(bytes, 1000)).isInstanceOf(HistogramFormatException.class)
                .hasMessageContaining("claims " + Integer.MAX_VALUE + " compressed bytes");
    }

    @Test
    void refusesBadOrTruncatedCompression() {
        byte[] bytes = encode(sample());
        byte[] garbled = bytes.clone();
        Arrays.fill(garbled, 8, garbled.length, (byte) 0x5a);
        assertThatThrownBy(() -> decoder.decode(garbled, 1000)).isInstanceOf(HistogramFormatException.class)
                .hasMessageContaining("bad compressed data");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);
        ByteBuffer.wrap(truncated).putInt(4, truncated.length - 8);
        assertThatThrownBy(() -> decoder.decode(truncated, 1000)).isInstanceOf(HistogramFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesForgedHeaders() {
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, 10, 0, 3, 1, 3_600_000_000L, new long[] {5}), 1000))
                .hasMessageContaining("claims 10 payload bytes");
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, -1, 0, 3, 1, 3_600_000_000L, new long[] {5}), 1000))
                .hasMessageContaining("claims -1 payload bytes");
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, 1, 0, 5, 1, Long.MAX_VALUE, new long[] {5}), 1000))
                .hasMessageContaining("significant digits 5");
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, 1, 7, 3, 1, 3_600_000_000L, new long[] {5}), 1000))
                .hasMessageContaining("offset 7");
        assertThatThrownBy(() -> decoder.decode(forged(0x12345678, 1, 0, 3, 1, 3_600_000_000L, new long[] {5}), 1000))
                .hasMessageContaining("inner cookie");
        // a zero run that jumps past the layout, then a count
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, REAL, 0, 3, 1, 3_600_000_000L, new long[] {-(LatencyIndex.LENGTH), 1}), 1000))
                .hasMessageContaining("beyond the " + LatencyIndex.LENGTH + " buckets");
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, REAL, 0, 3, 1, 3_600_000_000L, new long[] {-Long.MAX_VALUE}), 1000))
                .hasMessageContaining("beyond");
    }

    @Test
    void refusesCountsThatOverflowOrExceedTheBudget() {
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, REAL, 0, 3, 1, 3_600_000_000L,
                new long[] {Long.MAX_VALUE, Long.MAX_VALUE}), 1000))
                .isInstanceOf(HistogramFormatException.class).hasMessageContaining("overflow");
        assertThatThrownBy(() -> decoder.decode(forged(0x1c849313, REAL, 0, 3, 1, 3_600_000_000L, new long[] {1, 1, 1}), 2))
                .hasMessageContaining("more than 2 non-empty buckets");
    }

    @Test
    void refusesDecompressionBombs() {
        byte[] payload = new byte[HistogramDecoder.MAX_DECODED_BYTES * 4];
        assertThatThrownBy(() -> decoder.decode(compress(payload), 1000)).hasMessageContaining("decompresses to more than");
    }

    private static Histogram sample() {
        Histogram h = LatencyHistograms.newHistogram();
        for (int i = 1; i < 5000; i++) {
            h.recordValue(i * 37L);
        }
        return h;
    }

    static byte[] encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    private static final int REAL = Integer.MIN_VALUE;

    /** A compressed histogram with the header fields given; payload length {@link #REAL} means the real one. */
    static byte[] forged(int cookie, int payloadLength, int offset, int digits, long lowest, long highest, long[] zigZagCounts) {
        ByteArrayOutputStream counts = new ByteArrayOutputStream();
        for (long v : zigZagCounts) {
            long z = (v << 1) ^ (v >> 63);
            for (int i = 0; i < 8 && (z & ~0x7FL) != 0; i++) {
                counts.write((int) ((z & 0x7F) | 0x80));
                z >>>= 7;
            }
            counts.write((int) z);
        }
        byte[] payload = counts.toByteArray();
        ByteBuffer inner = ByteBuffer.allocate(40 + payload.length);
        inner.putInt(cookie).putInt(payloadLength == REAL ? payload.length : payloadLength).putInt(offset).putInt(digits)
                .putLong(lowest).putLong(highest).putDouble(1.0).put(payload);
        return compress(inner.array());
    }

    static byte[] compress(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] out = new byte[raw.length + 1024];
        int n = deflater.deflate(out, 8, out.length - 8);
        deflater.end();
        ByteBuffer.wrap(out).putInt(0, HistogramDecoder.COMPRESSED_COOKIE).putInt(4, n);
        return Arrays.copyOf(out, n + 8);
    }
}
