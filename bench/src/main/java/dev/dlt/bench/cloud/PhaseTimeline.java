package dev.dlt.bench.cloud;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** When a LoadTest was first seen in each phase, in seconds after it was applied. */
final class PhaseTimeline {

    private final long appliedNanos;
    private final Map<String, Double> firstSeen = new LinkedHashMap<>();

    PhaseTimeline(long appliedNanos) {
        this.appliedNanos = appliedNanos;
    }

    void saw(String phase, long nanos) {
        if (phase != null && !phase.isBlank()) {
            firstSeen.putIfAbsent(phase, (nanos - appliedNanos) / 1e9);
        }
    }

    /** Seconds after apply when {@code phase} was first seen, or NaN if never. */
    double at(String phase) {
        return firstSeen.getOrDefault(phase, Double.NaN);
    }

    /** The time spent in each phase until the next, as one token ({@code Launching:2.2,Starting:0.8,...}). */
    String token() {
        StringBuilder text = new StringBuilder();
        String previousPhase = null;
        double previous = 0;
        for (Map.Entry<String, Double> phase : firstSeen.entrySet()) {
            if (previousPhase != null) {
                text.append(text.isEmpty() ? "" : ",")
                        .append(String.format(Locale.ROOT, "%s:%.1f", previousPhase, phase.getValue() - previous));
            }
            previousPhase = phase.getKey();
            previous = phase.getValue();
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    /** The phases in the order seen, with the time spent in each until the next one. */
    String describe() {
        StringBuilder text = new StringBuilder("applied");
        double previous = 0;
        for (Map.Entry<String, Double> phase : firstSeen.entrySet()) {
            text.append(String.format(Locale.ROOT, " -(%.1f s)-> %s", phase.getValue() - previous, phase.getKey()));
            previous = phase.getValue();
        }
        return text.toString();
    }
}
