package dev.dlt.results.live;

import dev.dlt.results.histogram.LatencyHistograms;
import dev.dlt.results.histogram.SparseHistogram;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Records samples into the current interval and hands out each closed interval exactly once: the
 * recording threads never block, and a sample falls into exactly one interval (a writer/reader
 * phaser flips between two sets of counters), so the intervals add up to the run's totals.
 */
public final class IntervalRecorder {

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Window active = new Window();
    private Window inactive = new Window();

    public void record(String label, long responseTimeMicros, long bytes, String responseCode, boolean success) {
        long critical = phaser.writerCriticalSectionEnter();
        try {
            active.record(label, responseTimeMicros, bytes, responseCode, success);
        } finally {
            phaser.writerCriticalSectionExit(critical);
        }
    }

    /** Closes the current interval and returns what was recorded in it; call from one thread at a time. */
    public synchronized IntervalSnapshot roll(long index, long users) {
        phaser.readerLock();
        try {
            Window closed = active;
            inactive.clear();
            active = inactive;
            phaser.flipPhase();
            inactive = closed;
            return new IntervalSnapshot(index, users, closed.snapshot());
        } finally {
            phaser.readerUnlock();
        }
    }

    /** One interval's counters per label. */
    private static final class Window {
        private final Map<String, Counters> labels = new ConcurrentHashMap<>();

        void record(String label, long micros, long bytes, String code, boolean success) {
            Counters c = labels.get(label);
            if (c == null) {
                c = labels.computeIfAbsent(label, l -> new Counters());
            }
            c.requests.increment();
            if (!success) {
                c.failures.increment();
            }
            c.bytes.add(bytes);
            c.codes.computeIfAbsent(code, k -> new LongAdder()).increment();
            c.latency.recordValue(LatencyHistograms.clamp(micros));
        }

        Map<String, LabelInterval> snapshot() {
            Map<String, LabelInterval> out = new TreeMap<>();
            labels.forEach((label, c) -> {
                Map<String, Long> codes = new TreeMap<>();
                c.codes.forEach((code, n) -> codes.put(code, n.sum()));
                out.put(label, new LabelInterval(c.requests.sum(), c.failures.sum(), c.bytes.sum(), codes,
                        SparseHistogram.of(c.latency)));
            });
            return out;
        }

        void clear() {
            labels.clear();
        }
    }

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
        final ConcurrentHistogram latency = new ConcurrentHistogram(1, LatencyHistograms.HIGHEST_TRACKABLE_MICROS,
                LatencyHistograms.SIGNIFICANT_DIGITS);
    }
}
