package dev.dlt.operator.live;

import dev.dlt.results.live.IntervalSnapshot;
import dev.dlt.results.live.LabelInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's merged per-interval series, bounded: at most {@link #MAX_POINTS} points (a long run gets
 * wider points) and {@link #MAX_LABELS} labels (the rest are summed as {@link #OTHER_LABELS}). A point
 * keeps its histograms while workers may still add to it, then only its numbers; an interval that
 * arrives after its point was closed is counted as late.
 */
public final class Timeline {

    public static final int MAX_POINTS = 360;
    public static final int MAX_LABELS = 20;
    public static final String OTHER_LABELS = "(other labels)";
    /** How long behind the newest data a point stays open for workers that report late. */
    static final long KEEP_OPEN_MS = 60_000;

    private final long runStartMs;
    private final long pointMs;
    private final TreeMap<Long, Bucket> open = new TreeMap<>();
    private final TreeMap<Long, TimelinePoint> closed = new TreeMap<>();
    private final Set<String> labels = new LinkedHashSet<>();
    private long lateIntervals;

    /** @param pointMs the width of a point; a multiple of the workers' interval */
    public Timeline(long runStartMs, long pointMs) {
        this.runStartMs = runStartMs;
        this.pointMs = pointMs;
    }

    /** The point width for a run of {@code plannedMs} whose workers report every {@code intervalMs}. */
    public static long pointMs(long intervalMs, long plannedMs) {
        long needed = Math.ceilDiv(Math.max(plannedMs, intervalMs), MAX_POINTS);
        return Math.max(1, Math.ceilDiv(needed, intervalMs)) * intervalMs;
    }

    /** @param intervalEndMs when the interval really ended: a worker's last one ends with its load, before its full length */
    public void add(String region, String worker, long intervalStartMs, long intervalEndMs, IntervalSnapshot interval) {
        long index = Math.floorDiv(Math.max(0, intervalStartMs - runStartMs), pointMs);
        if (closed.containsKey(index)) {
            lateIntervals++;
            return;
        }
        Bucket bucket = open.computeIfAbsent(index, i -> new Bucket());
        interval.labels().forEach((label, counts) -> {
            String kept = labels.contains(label) || labels.size() < MAX_LABELS && labels.add(label) ? label : OTHER_LABELS;
            bucket.labels.merge(kept, counts, LabelInterval::plus);
            bucket.regions.merge(region, counts, LabelInterval::plus);
        });
        bucket.users.merge(worker, interval.users(), Math::max);
        bucket.endMs = Math.max(bucket.endMs, intervalEndMs);
    }

    /** Keeps only the numbers of the points that ended well before {@code newestMs}. */
    public void closeBefore(long newestMs) {
        long keepOpen = Math.max(KEEP_OPEN_MS, 2 * pointMs);
        while (!open.isEmpty() && runStartMs + (open.firstKey() + 1) * pointMs < newestMs - keepOpen) {
            var first = open.pollFirstEntry();
            closed.put(first.getKey(), first.getValue().point(first.getKey()));
        }
    }

    public List<TimelinePoint> points() {
        TreeMap<Long, TimelinePoint> all = new TreeMap<>(closed);
        open.forEach((index, bucket) -> all.put(index, bucket.point(index)));
        return new ArrayList<>(all.values());
    }

    public long pointMs() {
        return pointMs;
    }

    public long lateIntervals() {
        return lateIntervals;
    }

    private final class Bucket {
        final Map<String, LabelInterval> labels = new TreeMap<>();
        final Map<String, LabelInterval> regions = new TreeMap<>();
        final Map<String, Long> users = new HashMap<>();
        long endMs;

        TimelinePoint point(long index) {
            LabelInterval total = labels.values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
            Map<String, PointStats> perLabel = new TreeMap<>();
            labels.forEach((label, counts) -> perLabel.put(label, PointStats.of(counts)));
            Map<String, PointStats> perRegion = new TreeMap<>();
            regions.forEach((region, counts) -> perRegion.put(region, PointStats.of(counts)));
            // a point the load ended in is as long as the load lasted in it, so its rates are not diluted
            long covered = Math.min(pointMs, Math.max(1, endMs - (runStartMs + index * pointMs)));
            return new TimelinePoint(index * pointMs / 1000.0, covered / 1000.0, users.values().stream().mapToLong(Long::longValue).sum(),
                    PointStats.of(total), perLabel, perRegion);
        }
    }
}
