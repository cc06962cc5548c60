package dev.dlt.agent.engine.nativehttp;

import dev.dlt.results.scenario.ArrivalRate;
import java.util.List;

/**
 * When each iteration of an open-model run is due: the rate r(t) is piecewise linear, the number of
 * iterations due by time t is its integral N(t), and iteration {@code i} (from 0) is due at the t where
 * N(t) = i. Exact to the nanosecond for any number of stages; no drift accumulates, since every
 * time is computed from the start, never from the previous one.
 */
final class ArrivalSchedule {

    private static final double NANOS = 1e9;

    /** One stage: starts at {@code startNanos} with {@code before} iterations due, rate {@code from} to {@code to}. */
    private record Segment(long startNanos, long lengthNanos, double from, double to, double before) {

        double count() {
            return (from + to) / 2 * lengthNanos / NANOS;
        }

        /** Seconds into the segment at which {@code m} more iterations are due (0 <= m <= count()). */
        double secondsFor(double m) {
            double length = lengthNanos / NANOS;
            double slope = (to - from) / length;
            // root of from*s + slope*s^2/2 = m, in the form that stays exact when slope is 0 or tiny
            return 2 * m / (from + Math.sqrt(Math.max(0, from * from + 2 * slope * m)));
        }
    }

    private final Segment[] segments;
    private final long totalNanos;
    private final double totalCount;

    ArrivalSchedule(ArrivalRate rate) {
        List<ArrivalRate.Stage> stages = rate.stages();
        segments = new Segment[stages.size()];
        long at = 0;
        double before = 0;
        double level = rate.startRate();
        for (int i = 0; i < segments.length; i++) {
            ArrivalRate.Stage stage = stages.get(i);
            segments[i] = new Segment(at, stage.duration().toNanos(), level, stage.target(), before);
            before += segments[i].count();
            at += stage.duration().toNanos();
            level = stage.target();
        }
        totalNanos = at;
        totalCount = before;
    }

    /** How long the schedule lasts. */
    long totalNanos() {
        return totalNanos;
    }

    /** How many iterations are due before the end: those whose N(t) = i falls before it. */
    long iterations() {
        return (long) Math.ceil(totalCount - 1e-9);
    }

    /** Iterations due in the first {@code nanos} of the schedule: N(t), fractional. */
    double dueBy(long nanos) {
        for (Segment s : segments) {
            if (nanos < s.startNanos() + s.lengthNanos()) {
                double t = Math.max(0, nanos - s.startNanos()) / NANOS;
                double slope = s.lengthNanos() == 0 ? 0 : (s.to() - s.from()) / (s.lengthNanos() / NANOS);
                return s.before() + s.from() * t + slope * t * t / 2;
            }
        }
        return totalCount;
    }

    /** Nanoseconds from the start at which iteration {@code i} is due; valid for {@code i < iterations()}. */
    long intendedNanos(long i) {
        int lo = 0;
        int hi = segments.length - 1;
        while (lo < hi) { // the last segment whose cumulative count at its start is <= i
            int mid = (lo + hi + 1) >>> 1;
            if (segments[mid].before() <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // skip steps and zero-rate stages, which hold no iteration
        while (lo < segments.length - 1 && segments[lo].before() + segments[lo].count() <= i) {
            lo++;
        }
        Segment s = segments[lo];
        double m = Math.min(i - s.before(), s.count());
        return s.startNanos() + Math.min(s.lengthNanos(), Math.round(s.secondsFor(m) * NANOS));
    }
}
