package dev.dlt.results.live;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A worker's side of the live records: adds each closed interval to the totals and keeps the last
 * {@link LiveRecord#MAX_RECENT}, so the one object it overwrites stays bounded however long the run.
 */
public final class LiveRollup {

    private final String workerId;
    private final String region;
    private final long startedAtMs;
    private final long intervalMs;
    private final Map<String, LabelInterval> cumulative = new TreeMap<>();
    private final ArrayDeque<IntervalSnapshot> recent = new ArrayDeque<>();
    private long seq;
    private long users;

    public LiveRollup(String workerId, String region, long startedAtMs, long intervalMs) {
        this.workerId = workerId;
        this.region = region;
        this.startedAtMs = startedAtMs;
        this.intervalMs = intervalMs;
    }

    public synchronized void add(IntervalSnapshot interval) {
        interval.labels().forEach((label, counts) -> cumulative.merge(label, counts, LabelInterval::plus));
        recent.addLast(interval);
        while (recent.size() > LiveRecord.MAX_RECENT) {
            recent.removeFirst();
        }
        seq = interval.index() + 1;
        users = interval.users();
    }

    public synchronized LiveRecord record(long atMs, boolean finished) {
        return new LiveRecord(workerId, region, startedAtMs, intervalMs, seq, atMs, users, finished, cumulative,
                List.copyOf(recent));
    }
}
