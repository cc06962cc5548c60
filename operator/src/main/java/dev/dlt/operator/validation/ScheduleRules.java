package dev.dlt.operator.validation;

import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.schedule.RunSchedule;
import java.util.List;

/** Checks the schedule fields of a spec: cron, time zone, startAt, everyNthWeek and startingDeadline. */
final class ScheduleRules {

    static final String MAX_STARTING_DEADLINE = "24h";

    private ScheduleRules() {
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static void check(LoadTestSpec spec, List<Violation> violations) {
        int before = violations.size();
        FieldRules.duration("spec.startingDeadline", spec.getStartingDeadline(), false, true, MAX_STARTING_DEADLINE, violations);
        if (violations.size() > before) {
            return;
        }
        try {
            RunSchedule.of(spec);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf(": ");
            violations.add(colon > 0 ? new Violation(message.substring(0, colon), message.substring(colon + 2))
                    : new Violation("spec.schedule", message));
        }
        boolean scheduled = !isBlank(spec.getSchedule()) || !isBlank(spec.getStartAt());
        if (!scheduled && spec.getConcurrencyPolicy() != null) {
            violations.add(new Violation("spec.concurrencyPolicy", "needs spec.schedule or spec.startAt"));
        }
    }
}
