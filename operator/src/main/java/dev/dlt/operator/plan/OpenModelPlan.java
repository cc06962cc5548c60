package dev.dlt.operator.plan;

import dev.dlt.operator.api.ArrivalRateSpec;
import dev.dlt.operator.api.LoadSpec;
import dev.dlt.operator.api.RateStageSpec;
import dev.dlt.results.scenario.ArrivalRate;
import dev.dlt.results.scenario.TaurusDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule of an open-model load as each worker runs it: the rate ramped from 0 over rampUp
 * (linearly, or in rampSteps equal steps), held for holdFor, then the stages; for a rate per test,
 * every rate divided by the number of workers of all regions. The division is not rounded: each
 * worker's share is the exact fraction, so the fleet's rate is the test's rate.
 */
public final class OpenModelPlan {

    private OpenModelPlan() {
    }

    /** What one of {@code workers} workers runs, or null for a closed model. */
    public static ArrivalRate perWorker(LoadSpec load, Duration rampUp, Duration holdFor, int workers) {
        ArrivalRateSpec spec = load.getArrivalRate();
        if (spec == null) {
            return null;
        }
        ArrivalRate test = forTest(load, rampUp, holdFor);
        return spec.perTest() ? test.scaled(1.0 / workers) : test;
    }

    /** The rate of one worker at the end of holdFor, for Taurus' whole-number throughput. */
    public static double workerRate(ArrivalRateSpec spec, int workers) {
        return spec.perTest() ? spec.getRate() / workers : spec.getRate();
    }

    /** The schedule as the spec writes it (per test or per worker), before any split. */
    static ArrivalRate forTest(LoadSpec load, Duration rampUp, Duration holdFor) {
        ArrivalRateSpec spec = load.getArrivalRate();
        double rate = spec.getRate();
        List<ArrivalRate.Stage> stages = new ArrayList<>();
        double start = rate;
        if (rampUp.isPositive()) {
            int steps = spec.getRampSteps() == null ? 0 : spec.getRampSteps();
            if (steps <= 1) {
                start = steps == 1 ? rate : 0;
                stages.add(new ArrivalRate.Stage(rampUp, rate));
            } else {
                start = rate / steps;
                long previous = 0;
                for (int k = 1; k <= steps; k++) {
                    // whole-millisecond boundaries from the start (the config's precision); the steps add up to rampUp exactly
                    long end = rampUp.toMillis() / steps * k + rampUp.toMillis() % steps * k / steps;
                    if (k > 1) {
                        stages.add(new ArrivalRate.Stage(Duration.ZERO, rate * k / steps));
                    }
                    stages.add(new ArrivalRate.Stage(Duration.ofMillis(end - previous), rate * k / steps));
                    previous = end;
                }
            }
        }
        stages.add(new ArrivalRate.Stage(holdFor, rate));
        for (RateStageSpec stage : spec.getStages() == null ? List.<RateStageSpec>of() : spec.getStages()) {
            stages.add(new ArrivalRate.Stage(TaurusDuration.parse(stage.getDuration()), stage.getTarget()));
        }
        int maxConcurrency = spec.getMaxConcurrency() != null ? spec.getMaxConcurrency() : load.getConcurrency();
        return new ArrivalRate(start, stages, maxConcurrency);
    }

    /** How long the stages after holdFor last; zero for a closed model. */
    public static Duration stagesDuration(LoadSpec load) {
        ArrivalRateSpec spec = load.getArrivalRate();
        if (spec == null || spec.getStages() == null) {
            return Duration.ZERO;
        }
        return spec.getStages().stream().map(s -> TaurusDuration.parse(s.getDuration())).reduce(Duration.ZERO, Duration::plus);
    }
}
