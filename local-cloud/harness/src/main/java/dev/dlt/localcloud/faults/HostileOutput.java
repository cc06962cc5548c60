package dev.dlt.localcloud.faults;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.record.RecordedResults;
import dev.dlt.results.record.ResultRecorder;
import dev.dlt.results.taurus.TaurusXmlWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * Crafted result files a hostile (or broken) worker uploads instead of its real results: each variant
 * attacks the collector's XML or histogram parsing; its report still claims {@code COMPLETED}.
 */
public enum HostileOutput {

    /** An external entity in a DTD: reading it would leak a local file into the result. */
    XML_DTD,
    /** "Billion laughs": nested entities that expand to gigabytes. */
    XML_ENTITY_EXPANSION,
    /** A 450 MB Taurus report (padding in a comment), far beyond any real one. */
    XML_450_MB,
    /** A real report cut off in the middle. */
    XML_TRUNCATED,
    /** Counts and times of 1e30. */
    XML_1E30,
    /** Times and percentiles that are NaN. */
    XML_NAN,
    /** A histogram whose compressed-length header claims 2 GB. */
    HISTOGRAM_FORGED_LENGTH,
    /** 200 histograms whose headers claim 5 significant digits over a range of 2^62 (about 50 MB each once decoded). */
    HISTOGRAM_FORGED_RANGE;

    /** The label the crafted files report, as a real scenario's request would. */
    public static final String LABEL = "page";
    static final long SAMPLES = 1000;
    private static final long XML_450_MB_BYTES = 450L * 1024 * 1024;

    /** The Taurus report to upload. */
    public Upload xml() {
        String valid = new String(validXml(), StandardCharsets.UTF_8);
        String body = valid.substring(valid.indexOf("<FinalStatus>"));
        return switch (this) {
            case XML_DTD -> Upload.of("""
                    <?xml version="1.0"?>
                    <!DOCTYPE FinalStatus [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
                    """ + body.replace("<TestDuration>", "<TestDuration>&leak;"));
            case XML_ENTITY_EXPANSION -> Upload.of(billionLaughs() + body.replaceFirst("<value>", "<value>&lol9;"));
            case XML_450_MB -> padded(body);
            case XML_TRUNCATED -> Upload.of(valid.substring(0, valid.length() / 2));
            case XML_1E30 -> Upload.of(valid.replaceAll("(value=\"|<value>)[0-9.]+", "$11e30"));
            case XML_NAN -> Upload.of(valid.replaceAll("(value=\"|<value>)([0-9]+\\.[0-9]+)", "$1NaN"));
            case HISTOGRAM_FORGED_LENGTH, HISTOGRAM_FORGED_RANGE -> Upload.of(valid);
        };
    }

    /** The histogram sidecar to upload. */
    public byte[] histograms() {
        return switch (this) {
            case HISTOGRAM_FORGED_LENGTH -> forgedLength();
            case HISTOGRAM_FORGED_RANGE -> forgedRange();
            default -> recorded().histograms().toJson();
        };
    }

    private static RecordedResults recorded() {
        ResultRecorder recorder = new ResultRecorder();
        recorder.concurrency(2);
        for (int i = 0; i < SAMPLES; i++) {
            recorder.record(LABEL, 5_000 + i, 4_000, 100, 256, "200", true);
        }
        return recorder.snapshot(3.0);
    }

    private static byte[] validXml() {
        return TaurusXmlWriter.toBytes(recorded().status());
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE FinalStatus [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append(" <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        return dtd.append("]>\n").toString();
    }

    private static Upload padded(String body) {
        byte[] head = "<?xml version='1.0' encoding='UTF-8'?>\n<!-- ".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (" -->\n" + body).getBytes(StandardCharsets.UTF_8);
        long padding = XML_450_MB_BYTES - head.length - tail.length;
        return new Upload(head.length + padding + tail.length, () -> new SequenceInputStream(java.util.Collections.enumeration(
                java.util.List.of(new ByteArrayInputStream(head), new Filler(padding), new ByteArrayInputStream(tail)))));
    }

    private static byte[] forgedLength() {
        byte[] real = encoded(LatencyHistograms.newHistogram());
        ByteBuffer.wrap(real).putInt(4, Integer.MAX_VALUE); // the int after the cookie: length of the compressed contents
        return sidecar(new String[] {LABEL}, Base64.getEncoder().encodeToString(real));
    }

    private static byte[] forgedRange() {
        Histogram wide = new Histogram(1, 1L << 62, 5);
        wide.recordValue(5_000);
        String one = Base64.getEncoder().encodeToString(encoded(wide));
        String[] labels = new String[200];
        labels[0] = LABEL;
        for (int i = 1; i < labels.length; i++) {
            labels[i] = LABEL + i;
        }
        return sidecar(labels, one);
    }

    private static byte[] encoded(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return java.util.Arrays.copyOf(buffer.array(), length);
    }

    private static byte[] sidecar(String[] labels, String base64) {
        StringBuilder json = new StringBuilder("{\"format\":\"" + LatencyHistograms.FORMAT
                + "\",\"unit\":\"microseconds\",\"significantDigits\":3,\"labels\":{");
        for (int i = 0; i < labels.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(labels[i]).append("\":\"").append(base64).append('"');
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A file to upload: its exact length and a way to stream it (the 450 MB one is never held in memory). */
    public record Upload(long length, Source content) {

        static Upload of(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new Upload(bytes.length, () -> new ByteArrayInputStream(bytes));
        }
    }

    /** Opens the content of an {@link Upload}, once per attempt. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** {@code length} bytes of 'x', generated as they are read. */
    private static final class Filler extends InputStream {
        private long left;

        Filler(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            left -= n;
            return n;
        }
    }
}
