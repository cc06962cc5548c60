package dev.dlt.results.taurus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Taurus final-stats report ({@code <FinalStatus>}): the test duration in seconds and one group per
 * label, where the label {@code ""} is the overall group.
 */
public record FinalStatus(double testDurationSeconds, Map<String, GroupStats> groups) {

    /** The label of the overall group. */
    public static final String OVERALL = "";

    public FinalStatus {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** The overall group, when the report has one. */
    public Optional<GroupStats> overall() {
        return Optional.ofNullable(groups.get(OVERALL));
    }

    /** The groups of real labels, without the overall one. */
    public Map<String, GroupStats> labels() {
        Map<String, GroupStats> labels = new LinkedHashMap<>(groups);
        labels.remove(OVERALL);
        return labels;
    }
}
