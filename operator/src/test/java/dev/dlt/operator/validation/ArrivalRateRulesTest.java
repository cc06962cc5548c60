package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.ArrivalRateSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.RateStageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The open model's spec: rates, stages and durations bounded, and what engine taurus cannot express of it. */
class ArrivalRateRulesTest {

    private final SpecValidator validator = new SpecValidator();

    @Test
    void anArrivalRateWithStagesIsValidOnTheBuiltInEngine() {
        assertThat(problems(s -> {
            ArrivalRateSpec open = open(s, 90.0);
            open.setMaxConcurrency(20);
            open.setStages(List.of(new RateStageSpec("10s", 300.0), new RateStageSpec("0s", 50.0), new RateStageSpec("5s", 0.0)));
        })).isEmpty();
        assertThat(problems(s -> open(s, 0.5).setPer("Worker"))).isEmpty();
    }

    @Test
    void ratesAreAboveZeroAndStagesNonEmptyWithDurations() {
        assertThat(problems(s -> open(s, 0.0))).containsExactly(
                "spec.load.arrivalRate.rate: must be more than 0 iterations per second, was 0.0");
        assertThat(problems(s -> open(s, null))).containsExactly("spec.load.arrivalRate.rate: is required (iterations per second)");
        assertThat(problems(s -> open(s, Double.NaN))).containsExactly(
                "spec.load.arrivalRate.rate: must be more than 0 iterations per second, was NaN");
        assertThat(problems(s -> open(s, 2e6))).containsExactly(
                "spec.load.arrivalRate.rate: must be at most 1000000 iterations per second, was 2000000.0");
        assertThat(problems(s -> open(s, 10.0).setStages(List.of()))).containsExactly(
                "spec.load.arrivalRate.stages: needs at least one stage (or leave stages out)");
        assertThat(problems(s -> open(s, 10.0).setStages(List.of(new RateStageSpec("later", 5.0), new RateStageSpec("1s", -1.0)))))
                .containsExactly("spec.load.arrivalRate.stages[0].duration: 'later' is not a duration; use e.g. 30s, 5m, 1h30m or 250ms",
                        "spec.load.arrivalRate.stages[1].target: must be 0 or more iterations per second, was -1.0");
        assertThat(problems(s -> open(s, 10.0).setStages(List.of(new RateStageSpec(null, 5.0))))).containsExactly(
                "spec.load.arrivalRate.stages[0].duration: is required (e.g. 30s, 5m)");
        assertThat(problems(s -> open(s, 10.0).setStages(List.of(new RateStageSpec("20h", 5.0), new RateStageSpec("5h", 5.0)))))
                .containsExactly("spec.load.arrivalRate.stages: last 90000 s together, at most 24h are allowed");
        assertThat(problems(s -> open(s, 10.0).setPer("Region"))).containsExactly(
                "spec.load.arrivalRate.per: must be Test or Worker, was 'Region'");
        assertThat(problems(s -> open(s, 10.0).setMaxConcurrency(0))).containsExactly(
                "spec.load.arrivalRate.maxConcurrency: must be from 1 to 5000, was 0");
        assertThat(problems(s -> {
            s.getLoad().setRampUp(null);
            open(s, 10.0).setRampSteps(4);
        })).containsExactly("spec.load.arrivalRate.rampSteps: needs a rampUp longer than 0s to climb in");
        assertThat(problems(s -> {
            s.setEngine("taurus");
            s.getLoad().setThroughput(10);
            open(s, 30.0);
        })).containsExactly("spec.load.throughput: set either throughput or arrivalRate, not both");
    }

    @Test
    void engineTaurusSaysWhatItCannotExpress() {
        // three workers: 30/s is 10/s each, a whole number Taurus can take; 100/s is not
        assertThat(problems(s -> {
            s.setEngine("taurus");
            open(s, 30.0).setRampSteps(3);
        })).isEmpty();
        assertThat(problems(s -> {
            s.setEngine("taurus");
            open(s, 100.0);
        })).singleElement().asString().startsWith("spec.load.arrivalRate.rate: engine taurus takes a whole number of requests per "
                + "second per worker (Taurus' throughput), but 100.0/s over 3 workers is 33.33");
        assertThat(problems(s -> {
            s.setEngine("taurus");
            open(s, 30.0).setStages(List.of(new RateStageSpec("10s", 60.0)));
        })).singleElement().asString().startsWith("spec.load.arrivalRate.stages: engine taurus cannot follow stages");
    }

    private static ArrivalRateSpec open(LoadTestSpec spec, Double rate) {
        ArrivalRateSpec open = new ArrivalRateSpec();
        open.setRate(rate);
        spec.getLoad().setArrivalRate(open);
        return open;
    }

    private List<String> problems(Consumer<LoadTestSpec> change) {
        LoadTestSpec spec = TestSpecs.valid();
        change.accept(spec);
        return new ArrayList<>(validator.validate(spec).stream().map(Violation::toString).toList());
    }
}
