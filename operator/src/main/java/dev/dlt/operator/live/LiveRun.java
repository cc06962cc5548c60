package dev.dlt.operator.live;

import dev.dlt.operator.api.ProgressStatus;
import dev.dlt.results.live.IntervalSnapshot;
import dev.dlt.results.live.LabelInterval;
import dev.dlt.results.live.LiveRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's side of one run's live records, pure and in memory: the newest record of every
 * worker, the timeline their intervals were merged into, and the numbers derived from them (totals,
 * the last window, status.progress). Each interval of a worker is merged once, so what the timeline
 * adds up to equals the workers' totals.
 */
public final class LiveRun {

    /** A worker is stale after this many of its intervals without a new record (and at least {@link #MIN_STALE}). */
    static final int STALE_INTERVALS = 3;
    static final Duration MIN_STALE = Duration.ofSeconds(15);

    private final long runStartMs;
    private final long plannedMs;
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private Timeline timeline;
    private long missedIntervals;
    private long badRecords;

    public LiveRun(Instant runStart, Duration planned) {
        this.runStartMs = runStart.toEpochMilli();
        this.plannedMs = planned.toMillis();
    }

    /**
     * Takes a worker's newest record; an older one than already seen is ignored.
     *
     * @param worker the worker's key (region/id, from where the record was stored)
     * @param seenAt when the operator read it
     */
    public void accept(String region, String worker, LiveRecord record, Instant seenAt) {
        Worker known = workers.get(worker);
        long from = known == null ? 0 : known.record.seq();
        if (known != null && (record.seq() < from || record.seq() == from && known.record.finished() == record.finished())) {
            return;
        }
        if (timeline == null) {
            timeline = new Timeline(runStartMs, Timeline.pointMs(record.intervalMs(), plannedMs));
        }
        long firstRecent = record.recent().isEmpty() ? record.seq() : record.recent().getFirst().index();
        missedIntervals += Math.max(0, firstRecent - from);
        for (IntervalSnapshot interval : record.recent()) {
            if (interval.index() >= from && interval.index() < record.seq()) {
                long start = record.startedAtMs() + interval.index() * record.intervalMs();
                boolean last = record.finished() && interval.index() == record.seq() - 1;
                long end = last ? Math.max(start, Math.min(record.atMs(), start + record.intervalMs())) : start + record.intervalMs();
                timeline.add(region, worker, start, end, interval);
            }
        }
        workers.put(worker, new Worker(region, record, seenAt));
        timeline.closeBefore(newestEndMs());
    }

    /** Counts a record that could not be read. */
    public void rejected() {
        badRecords++;
    }

    /** Every worker's totals merged, per label. */
    public Map<String, LabelInterval> totals() {
        Map<String, LabelInterval> labels = new TreeMap<>();
        workers.values().forEach(w -> w.record.cumulative().forEach((label, c) -> labels.merge(label, c, LabelInterval::plus)));
        return labels;
    }

    /** The merged numbers of the {@code length} that ends with the newest interval any worker reported. */
    public LiveWindow window(Duration length) {
        long toMs = newestEndMs();
        long fromMs = Math.max(runStartMs, toMs - length.toMillis());
        Map<String, LabelInterval> labels = new TreeMap<>();
        long users = 0;
        for (Worker w : workers.values()) {
            LiveRecord r = w.record;
            for (IntervalSnapshot interval : r.recent()) {
                long end = r.startedAtMs() + (interval.index() + 1) * r.intervalMs();
                if (end > fromMs && end <= toMs) {
                    interval.labels().forEach((label, c) -> labels.merge(label, c, LabelInterval::plus));
                }
            }
            users += r.finished() ? 0 : r.users();
        }
        LabelInterval total = labels.values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
        return new LiveWindow(fromMs, toMs, Math.max(0, toMs - fromMs) / 1000.0, labels, total, users);
    }

    /**
     * Whether the last window holds the numbers of the whole fleet: at least {@code running} workers
     * have a record, and none still running lags, i.e. was not read for a while ({@link #STALE_INTERVALS})
     * or reported more than an interval less than the newest record (a worker whose uploads failed).
     */
    public boolean covers(int running, Instant now) {
        long newest = newestEndMs();
        return workers.size() >= running && workers.values().stream().filter(w -> !w.record.finished())
                .noneMatch(w -> stale(w, now) || endMs(w.record) + w.record.intervalMs() < newest);
    }

    /** What status.progress shows at {@code now}. */
    public ProgressStatus progress(Instant now, int expectedWorkers, Duration window) {
        LiveWindow last = window(window);
        LabelInterval all = totals().values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
        ProgressStatus p = new ProgressStatus();
        p.setUpdatedAt(now.toString());
        double elapsed = Math.max(0, now.toEpochMilli() - runStartMs) / 1000.0;
        p.setElapsedSeconds(round(elapsed));
        p.setRemainingSeconds(round(Math.max(0, plannedMs / 1000.0 - elapsed)));
        p.setRequests(all.requests());
        p.setFailures(all.failures());
        p.setRps(round(last.rps()));
        p.setErrorRate(round(last.total().errorRatio() * 100));
        p.setP95Ms(round(last.total().percentileMs(95)));
        p.setWindowSeconds(round(last.seconds()));
        p.setUsers(last.users());
        p.setWorkersExpected(expectedWorkers);
        p.setWorkersReporting(workers.size());
        p.setWorkersFinished((int) workers.values().stream().filter(w -> w.record.finished()).count());
        p.setWorkersStale((int) workers.values().stream().filter(w -> stale(w, now)).count());
        p.setBadRecords(badRecords == 0 ? null : badRecords);
        return p;
    }

    private static boolean stale(Worker w, Instant now) {
        Duration after = Duration.ofMillis(w.record.intervalMs() * STALE_INTERVALS);
        return !w.record.finished() && now.isAfter(w.seenAt.plus(after.compareTo(MIN_STALE) < 0 ? MIN_STALE : after));
    }

    /** The timeline so far (empty before the first record). */
    public java.util.List<TimelinePoint> points() {
        return timeline == null ? java.util.List.of() : timeline.points();
    }

    public long pointMs() {
        return timeline == null ? 0 : timeline.pointMs();
    }

    /** Intervals that never reached the timeline: overwritten before they were read, or too late for their point. */
    public long missedIntervals() {
        return missedIntervals + (timeline == null ? 0 : timeline.lateIntervals());
    }

    /** The users reported per region (newest records). */
    public Map<String, Long> usersByRegion() {
        Map<String, Long> users = new HashMap<>();
        workers.values().forEach(w -> users.merge(w.region, w.record.finished() ? 0 : w.record.users(), Long::sum));
        return users;
    }

    private long newestEndMs() {
        return workers.values().stream().mapToLong(w -> endMs(w.record)).max().orElse(runStartMs);
    }

    /** When a record's newest interval ends. */
    private static long endMs(LiveRecord record) {
        return record.startedAtMs() + record.seq() * record.intervalMs();
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
    }

    private record Worker(String region, LiveRecord record, Instant seenAt) {
    }
}
