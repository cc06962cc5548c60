package dev.dlt.operator.live;

import java.util.Map;

/**
 * One point of a run's timeline: the span {@code [atSeconds, atSeconds + seconds)} from the run's
 * start, the active users at its end, and what the whole run, each label and each region did in it.
 */
public record TimelinePoint(double atSeconds, double seconds, long users, PointStats total, Map<String, PointStats> labels,
                            Map<String, PointStats> regions) {

    public double rps() {
        return seconds <= 0 ? 0 : total.requests() / seconds;
    }

    public double errorPercent() {
        return total.requests() == 0 ? 0 : 100.0 * total.failures() / total.requests();
    }
}
