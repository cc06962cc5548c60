package dev.dlt.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.ArrivalRateSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.RateStageSpec;
import dev.dlt.results.scenario.ArrivalRate;
import dev.dlt.results.scenario.ArrivalRate.Stage;
import dev.dlt.results.scenario.TaurusConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's open model as each worker runs it: ramp, steps, hold, stages, and the test's rate split across workers. */
class OpenModelPlanTest {

    private static final Duration RAMP = Duration.ofSeconds(10);
    private static final Duration HOLD = Duration.ofSeconds(20);

    @Test
    void rampsFromZeroHoldsThenFollowsTheStagesAndSplitsTheTestsRateExactly() {
        LoadTestSpec spec = TestSpecs.valid();
        ArrivalRateSpec open = open(spec, 100.0);
        open.setStages(List.of(new RateStageSpec("5s", 250.0), new RateStageSpec("0s", 10.0)));

        ArrivalRate share = OpenModelPlan.perWorker(spec.getLoad(), RAMP, HOLD, 3);

        assertThat(share.startRate()).isZero();
        assertThat(share.stages()).extracting(Stage::duration).containsExactly(RAMP, HOLD, Duration.ofSeconds(5), Duration.ZERO);
        double[] tripled = share.stages().stream().mapToDouble(s -> s.target() * 3).toArray();
        assertThat(tripled).containsExactly(new double[] {100, 100, 250, 10}, within(1e-9));
        assertThat(share.maxConcurrency()).isEqualTo(5); // spec.load.concurrency by default
        // the workers' shares add up to the test's iterations: 100/s reached over 10 s, 20 s at 100/s, 5 s from 100 to 250/s
        assertThat(count(share) * 3).isCloseTo(100 / 2.0 * 10 + 100 * 20 + (100 + 250) / 2.0 * 5, within(1e-9));
    }

    @Test
    void aRatePerWorkerIsNotSplit() {
        LoadTestSpec spec = TestSpecs.valid();
        open(spec, 40.0).setPer("Worker");

        ArrivalRate share = OpenModelPlan.perWorker(spec.getLoad(), Duration.ZERO, HOLD, 7);

        assertThat(share.startRate()).isEqualTo(40.0);
        assertThat(share.stages()).containsExactly(new Stage(HOLD, 40.0));
    }

    @Test
    void rampStepsClimbInEqualStepsThatAddUpToTheRampUp() {
        LoadTestSpec spec = TestSpecs.valid();
        ArrivalRateSpec open = open(spec, 90.0);
        open.setRampSteps(3);
        open.setPer("Worker");

        ArrivalRate share = OpenModelPlan.perWorker(spec.getLoad(), Duration.ofMillis(1000), HOLD, 1);

        assertThat(share.startRate()).isEqualTo(30.0);
        assertThat(share.stages()).containsExactly(new Stage(Duration.ofMillis(333), 30.0), new Stage(Duration.ZERO, 60.0),
                new Stage(Duration.ofMillis(333), 60.0), new Stage(Duration.ZERO, 90.0), new Stage(Duration.ofMillis(334), 90.0),
                new Stage(HOLD, 90.0));
    }

    @Test
    void theBuiltInEngineGetsTheScheduleAndTaurusItsThroughputConcurrencyAndSteps() throws Exception {
        LoadTestSpec spec = TestSpecs.valid();
        ArrivalRateSpec open = open(spec, 30.0);
        open.setMaxConcurrency(8);
        open.setRampSteps(2);

        TaurusConfig nativeConfig = TaurusConfig.fromJson(RunPlanner.scenario(spec, RAMP, HOLD, 3).toJson());
        assertThat(nativeConfig.arrival()).isEqualTo(OpenModelPlan.perWorker(spec.getLoad(), RAMP, HOLD, 3));
        assertThat(nativeConfig.throughput()).isNull();
        assertThat(nativeConfig.concurrency()).isEqualTo(8);

        spec.setEngine("taurus");
        byte[] json = RunPlanner.scenario(spec, RAMP, HOLD, 3).toJson();
        TaurusConfig taurus = TaurusConfig.fromJson(json);
        assertThat(taurus.throughput()).isEqualTo(10);
        assertThat(taurus.concurrency()).isEqualTo(8);
        assertThat(taurus.steps()).isEqualTo(2);
        assertThat(taurus.arrival()).isNull();
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain(TaurusConfig.ARRIVAL);
    }

    @Test
    void aClosedModelHasNoScheduleAndNoStages() {
        LoadTestSpec spec = TestSpecs.valid();

        assertThat(OpenModelPlan.perWorker(spec.getLoad(), RAMP, HOLD, 3)).isNull();
        assertThat(RunPlanner.scenario(spec, RAMP, HOLD, 3).arrival()).isNull();
        assertThat(OpenModelPlan.stagesDuration(spec.getLoad())).isZero();
    }

    /** The integral of the rate: iterations due over the whole schedule. */
    private static double count(ArrivalRate rate) {
        double level = rate.startRate();
        double total = 0;
        for (Stage stage : rate.stages()) {
            total += (level + stage.target()) / 2 * stage.duration().toNanos() / 1e9;
            level = stage.target();
        }
        return total;
    }

    private static ArrivalRateSpec open(LoadTestSpec spec, Double rate) {
        ArrivalRateSpec open = new ArrivalRateSpec();
        open.setRate(rate);
        spec.getLoad().setArrivalRate(open);
        return open;
    }
}
