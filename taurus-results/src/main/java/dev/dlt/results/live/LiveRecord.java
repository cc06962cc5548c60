package dev.dlt.results.live;

import java.util.List;
import java.util.Map;

/**
 * A worker's live record, one object per worker overwritten every interval (so a run of any length
 * keeps one object per worker): the totals since load started, the most recent intervals (at most
 * {@link #MAX_RECENT}), so a reader that missed a few overwrites still sees every interval, and the
 * active users. {@code seq} is the number of intervals closed so far; {@code finished} is set on the
 * last record, written when load ended.
 */
public record LiveRecord(String workerId, String region, long startedAtMs, long intervalMs, long seq, long atMs, long users,
                         boolean finished, Map<String, LabelInterval> cumulative, List<IntervalSnapshot> recent) {

    public static final String FORMAT = "dlt-live/1";
    /** Intervals kept in a record: a reader may miss this many overwrites without a gap in its series. */
    public static final int MAX_RECENT = 12;

    public LiveRecord {
        cumulative = Map.copyOf(cumulative);
        recent = List.copyOf(recent);
    }

    /** All labels together since load started. */
    public LabelInterval total() {
        return cumulative.values().stream().reduce(LabelInterval.EMPTY, LabelInterval::plus);
    }
}
