package dev.dlt.operator.validation;

import dev.dlt.operator.api.ArrivalRateSpec;
import dev.dlt.operator.api.LoadSpec;
import dev.dlt.operator.api.RateStageSpec;
import dev.dlt.operator.api.SpecLimits;
import dev.dlt.operator.plan.OpenModelPlan;
import dev.dlt.results.scenario.TaurusDuration;
import java.time.Duration;
import java.util.List;

/** Checks {@code spec.load.arrivalRate}, and says what engine taurus cannot express of it. */
final class ArrivalRateRules {

    private static final String FIELD = "spec.load.arrivalRate";

    private ArrivalRateRules() {
    }

    /** @param workers the workers of all regions, 0 when they are invalid themselves */
    static void check(LoadSpec load, String engine, int workers, List<Violation> violations) {
        ArrivalRateSpec spec = load.getArrivalRate();
        if (spec == null) {
            return;
        }
        if (load.getThroughput() != null) {
            violations.add(new Violation("spec.load.throughput", "set either throughput or arrivalRate, not both"));
        }
        boolean rateValid = rate(FIELD + ".rate", spec.getRate(), false, violations);
        if (spec.getPer() != null && !List.of(ArrivalRateSpec.PER_TEST, ArrivalRateSpec.PER_WORKER).contains(spec.getPer())) {
            violations.add(new Violation(FIELD + ".per", "must be Test or Worker, was " + FieldRules.quote(spec.getPer())));
        }
        Integer max = spec.getMaxConcurrency();
        if (max != null && (max < 1 || max > SpecLimits.MAX_CONCURRENCY)) {
            violations.add(new Violation(FIELD + ".maxConcurrency", "must be from 1 to " + SpecLimits.MAX_CONCURRENCY + ", was " + max));
        }
        Integer steps = spec.getRampSteps();
        if (steps != null && (steps < 1 || steps > SpecLimits.MAX_RAMP_STEPS)) {
            violations.add(new Violation(FIELD + ".rampSteps", "must be from 1 to " + SpecLimits.MAX_RAMP_STEPS + ", was " + steps));
        } else if (steps != null && (load.getRampUp() == null || rampUpZero(load.getRampUp()))) {
            violations.add(new Violation(FIELD + ".rampSteps", "needs a rampUp longer than 0s to climb in"));
        }
        checkStages(spec.getStages(), violations);
        boolean taurus = "taurus".equals(engine);
        if (taurus && spec.getStages() != null) {
            violations.add(new Violation(FIELD + ".stages", "engine taurus cannot follow stages: Taurus' throughput only ramps up over "
                    + "rampUp (in rampSteps) and holds; use engine native for stages"));
        }
        if (taurus && rateValid && workers > 0) {
            double share = OpenModelPlan.workerRate(spec, workers);
            if (share < 1 || Math.abs(share - Math.rint(share)) > 1e-9) {
                violations.add(new Violation(FIELD + ".rate", "engine taurus takes a whole number of requests per second per worker "
                        + "(Taurus' throughput), but " + spec.getRate() + "/s " + (spec.perTest() ? "over " + workers + " workers is "
                        + share + "/s each" : "is not one") + "; choose a rate that gives each worker a whole number, or engine native"));
            }
        }
    }

    private static void checkStages(List<RateStageSpec> stages, List<Violation> violations) {
        if (stages == null) {
            return;
        }
        if (stages.isEmpty()) {
            violations.add(new Violation(FIELD + ".stages", "needs at least one stage (or leave stages out)"));
            return;
        }
        if (stages.size() > SpecLimits.MAX_STAGES) {
            violations.add(new Violation(FIELD + ".stages", "at most " + SpecLimits.MAX_STAGES + " stages are allowed, was " + stages.size()));
            return;
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < stages.size(); i++) {
            String path = FIELD + ".stages[" + i + "]";
            RateStageSpec stage = stages.get(i);
            if (stage == null) {
                violations.add(new Violation(path, "is empty"));
                continue;
            }
            int before = violations.size();
            FieldRules.duration(path + ".duration", stage.getDuration(), true, true, SpecLimits.MAX_STAGES_DURATION, violations);
            if (violations.size() == before) {
                total = total.plus(TaurusDuration.parse(stage.getDuration()));
            }
            rate(path + ".target", stage.getTarget(), true, violations);
        }
        if (total.compareTo(TaurusDuration.parse(SpecLimits.MAX_STAGES_DURATION)) > 0) {
            violations.add(new Violation(FIELD + ".stages", "last " + total.toSeconds() + " s together, at most "
                    + SpecLimits.MAX_STAGES_DURATION + " are allowed"));
        }
    }

    private static boolean rate(String field, Double rate, boolean zeroAllowed, List<Violation> violations) {
        if (rate == null) {
            violations.add(new Violation(field, "is required (iterations per second)"));
        } else if (!Double.isFinite(rate) || rate < 0 || (!zeroAllowed && rate == 0)) {
            violations.add(new Violation(field, "must be " + (zeroAllowed ? "0 or more" : "more than 0") + " iterations per second, was " + rate));
        } else if (rate > SpecLimits.MAX_ARRIVAL_RATE) {
            violations.add(new Violation(field, "must be at most " + SpecLimits.MAX_ARRIVAL_RATE + " iterations per second, was " + rate));
        } else {
            return true;
        }
        return false;
    }

    private static boolean rampUpZero(String rampUp) {
        try {
            return TaurusDuration.parse(rampUp).isZero();
        } catch (IllegalArgumentException e) {
            return false; // reported by the rampUp rule
        }
    }
}
