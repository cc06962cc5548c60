package dev.dlt.operator.live;

import dev.dlt.results.live.LabelInterval;
import java.util.Map;

/**
 * The merged numbers of every worker and region over the last window of a running test, per label
 * and in total, histograms included: what the live status shows, and what a threshold evaluator
 * judges while the run goes on.
 *
 * @param seconds the window's length (shorter at the start of a run)
 * @param users   the active users at the end of the window, summed over the workers
 */
public record LiveWindow(long fromMs, long toMs, double seconds, Map<String, LabelInterval> labels, LabelInterval total, long users) {

    public LiveWindow {
        labels = Map.copyOf(labels);
    }

    public double rps() {
        return seconds <= 0 ? 0 : total.requests() / seconds;
    }
}
