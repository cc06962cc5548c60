package dev.dlt.agent.engine.taurus;

import dev.dlt.results.live.IntervalRecorder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Follows JMeter's kpi.jtl while bzt runs and records each new complete row into the live interval
 * recorder, so Taurus workers publish live records as the built-in engine does. Best effort: the
 * run's results still come from the whole file at the end; a row it cannot read is skipped.
 */
final class KpiJtlTail {

    /** At most this much is read per call, so one call never holds the publisher long. */
    static final int MAX_READ_BYTES = 8 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(KpiJtlTail.class.getName());

    private final Supplier<Optional<Path>> file;
    private final IntervalRecorder recorder;
    private long position;
    private String partial = "";
    private Columns columns;
    private long users;
    private long skipped;

    /** {@code file} finds kpi.jtl once bzt has created it. */
    KpiJtlTail(Supplier<Optional<Path>> file, IntervalRecorder recorder) {
        this.file = file;
        this.recorder = recorder;
    }

    private record Columns(char delimiter, int elapsed, int label, int success, int code, int bytes, int threads) {
        int needed() {
            return Math.max(elapsed, label);
        }
    }

    /** Reads what JMeter appended since the last call; returns the rows recorded. */
    synchronized long drain() {
        Optional<Path> jtl;
        try {
            jtl = file.get();
        } catch (RuntimeException e) {
            return 0;
        }
        if (jtl.isEmpty()) {
            return 0;
        }
        String text;
        try (FileChannel channel = FileChannel.open(jtl.get(), StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < position) {
                // a new file (bzt started over): start again from its top
                position = 0;
                partial = "";
                columns = null;
            }
            int length = (int) Math.min(MAX_READ_BYTES, size - position);
            if (length <= 0) {
                return 0;
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // read until the snapshot of the size is in
            }
            position += buffer.position();
            text = partial + new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.fine(() -> "cannot read " + jtl.get() + ": " + e);
            return 0;
        }
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            partial = text;
            return 0;
        }
        partial = text.substring(end + 1);
        return record(text.substring(0, end + 1));
    }

    /** Active threads as JMeter last wrote them (its allThreads column); 0 before the first row. */
    synchronized long users() {
        return users;
    }

    private long record(String lines) {
        long rows = 0;
        if (columns == null) {
            int newline = lines.indexOf('\n');
            columns = columns(lines.substring(0, newline).strip());
            lines = lines.substring(newline + 1);
            if (columns == null) {
                return 0;
            }
        }
        CsvRecordReader csv = new CsvRecordReader(new StringReader(lines), columns.delimiter(), 1);
        try {
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() <= columns.needed()) {
                    skipped++;
                    continue;
                }
                try {
                    long micros = KpiJtlHeader.elapsedMicros(Long.parseLong(row.get(columns.elapsed()).trim()));
                    boolean ok = columns.success() < 0 || row.size() <= columns.success() || "true".equalsIgnoreCase(row.get(columns.success()).trim());
                    String code = columns.code() >= 0 && row.size() > columns.code() ? row.get(columns.code()).trim() : "";
                    long bytes = columns.bytes() >= 0 && row.size() > columns.bytes() ? Math.max(0, parse(row.get(columns.bytes()))) : 0;
                    recorder.record(row.get(columns.label()), micros, bytes, code, ok);
                    rows++;
                    if (columns.threads() >= 0 && row.size() > columns.threads()) {
                        long threads = parse(row.get(columns.threads()));
                        if (threads >= 0) {
                            users = threads;
                        }
                    }
                } catch (NumberFormatException e) {
                    skipped++;
                }
            }
        } catch (IOException e) {
            // an over-long record: the rest of this chunk is not read live; the final results have it
            skipped++;
        }
        return rows;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Columns columns(String header) {
        KpiJtlHeader names = KpiJtlHeader.of(header);
        if (!names.hasElapsedAndLabel()) {
            LOG.warning(() -> "kpi.jtl has no 'elapsed' and 'label' columns; no live records from it: " + header);
            return null;
        }
        return new Columns(names.delimiter(), names.column("elapsed"), names.column("label"), names.column("success"),
                names.column("responseCode"), names.column("bytes"), names.column("allThreads"));
    }
}
