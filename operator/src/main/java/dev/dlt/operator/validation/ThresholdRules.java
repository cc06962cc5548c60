package dev.dlt.operator.validation;

import dev.dlt.operator.api.HttpRequestSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.api.ThresholdSpec;
import dev.dlt.operator.verdict.ThresholdParser;
import dev.dlt.results.scenario.TaurusDuration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks {@code spec.thresholds} (and {@code spec.baseline}, which relative thresholds need): a known metric, a parseable bound (exactly one of below or above)
 * and a label that is one of the scenario's request labels. A JMeter plan's labels are its sampler
 * names, unknown before the run, so any label is accepted there.
 */
final class ThresholdRules {

    private ThresholdRules() {
    }

    /** The forms of {@code spec.baseline}, as the CRD schema has them. */
    private static final java.util.regex.Pattern BASELINE = java.util.regex.Pattern.compile("^(previous|[a-z0-9][a-z0-9-]{0,62})$");

    static void check(LoadTestSpec spec, List<Violation> violations) {
        if (spec.getBaseline() != null && !BASELINE.matcher(spec.getBaseline()).matches()) {
            violations.add(new Violation("spec.baseline", FieldRules.quote(spec.getBaseline())
                    + " is neither previous nor a run id (status.history[].runId)"));
        }
        List<ThresholdSpec> thresholds = spec.getThresholds();
        if (thresholds == null) {
            return;
        }
        if (thresholds.size() > SpecLimits.MAX_THRESHOLDS) {
            violations.add(new Violation("spec.thresholds", "at most " + SpecLimits.MAX_THRESHOLDS + " thresholds are allowed, was "
                    + thresholds.size()));
            return;
        }
        Set<String> labels = requestLabels(spec);
        for (int i = 0; i < thresholds.size(); i++) {
            ThresholdSpec t = thresholds.get(i);
            String path = "spec.thresholds[" + i + "]";
            if (t == null) {
                violations.add(new Violation(path, "is empty"));
                continue;
            }
            if (t.getRelativeTo() != null && spec.getBaseline() == null) {
                violations.add(new Violation(path + ".relativeTo", "needs spec.baseline (previous or a run id) to compare with"));
            }
            ThresholdParser.parse(t.getMetric(), t.getLabel(), t.belowText(), t.aboveText(), t.getRelativeTo()).problems()
                    .forEach(p -> violations.add(new Violation(path + "." + p.field(), p.message())));
            if (t.getAbortDelay() != null) {
                try {
                    TaurusDuration.parse(t.getAbortDelay());
                } catch (RuntimeException e) {
                    violations.add(new Violation(path + ".abortDelay", FieldRules.quote(t.getAbortDelay()) + " is not a duration such as 30s or 2m"));
                }
                if (!Boolean.TRUE.equals(t.getAbortOnFail())) {
                    violations.add(new Violation(path + ".abortDelay", "applies only with abortOnFail: true"));
                }
            }
            if (Boolean.TRUE.equals(t.getAbortOnFail()) && t.getRelativeTo() != null) {
                // live windows are judged against absolute bounds only: the baseline's figures are whole-run figures
                violations.add(new Violation(path + ".abortOnFail", "cannot be used with relativeTo: baseline; give an absolute bound"));
            }
            String label = t.getLabel();
            if (label != null && !label.isEmpty() && labels != null && !labels.contains(label)) {
                violations.add(new Violation(path + ".label", FieldRules.quote(label) + " is not a request label of spec.scenario.requests"
                        + " (labels: " + String.join(", ", labels.stream().limit(10).map(FieldRules::quote).toList())
                        + (labels.size() > 10 ? ", …" : "") + ")"));
            }
        }
    }

    /** The labels results are reported under, or null when they are not known before the run (a JMeter plan). */
    private static Set<String> requestLabels(LoadTestSpec spec) {
        if (spec.getScenario() == null || spec.getScenario().getJmeter() != null || spec.getScenario().getRequests() == null) {
            return null;
        }
        Set<String> labels = new LinkedHashSet<>();
        for (HttpRequestSpec r : spec.getScenario().getRequests()) {
            if (r != null) {
                labels.add(r.getLabel() != null ? r.getLabel() : Objects.toString(r.getUrl(), ""));
            }
        }
        return labels;
    }
}
