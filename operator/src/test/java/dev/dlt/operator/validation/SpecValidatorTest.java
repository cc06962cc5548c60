package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.JmeterPlanSpec;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private final SpecValidator validator = new SpecValidator();

    @Test
    void aCompleteSpecIsValid() {
        assertThat(validator.validate(TestSpecs.valid())).isEmpty();
    }

    @Test
    void namesTheFieldOfEachProblem() {
        assertThat(problems(s -> s.getWorkers().getFirst().setCount(0))).containsExactly("spec.workers[0].count: must be at least 1, was 0");
        assertThat(problems(s -> s.getScenario().getRequests().getFirst().setUrl(null))).containsExactly("spec.scenario.requests[0].url: is required");
        assertThat(problems(s -> s.getScenario().getRequests().getFirst().setUrl("ftp://x/"))).singleElement().asString()
                .startsWith("spec.scenario.requests[0].url: must be an http:// or https:// URL");
        assertThat(problems(s -> s.getLoad().setHoldFor("5 minutes"))).singleElement().asString()
                .isEqualTo("spec.load.holdFor: '5 minutes' is not a duration; use e.g. 30s, 5m, 1h30m or 250ms");
        assertThat(problems(s -> s.getLoad().setHoldFor(null))).containsExactly("spec.load.holdFor: is required (e.g. 30s, 5m)");
        assertThat(problems(s -> s.getLoad().setRampUp("soon"))).singleElement().asString().startsWith("spec.load.rampUp:");
        assertThat(problems(s -> s.getLoad().setConcurrency(0))).containsExactly("spec.load.concurrency: must be at least 1, was 0");
        assertThat(problems(s -> s.getScenario().getRequests().getFirst().setMethod("FETCH"))).singleElement().asString()
                .startsWith("spec.scenario.requests[0].method: must be one of");
        assertThat(problems(s -> s.getScenario().getRequests().getFirst().setLabel(""))).singleElement().asString()
                .startsWith("spec.scenario.requests[0].label: must not be empty");
        assertThat(problems(s -> s.getScenario().setRequests(List.of()))).containsExactly(
                "spec.scenario.requests: needs at least one request (or set spec.scenario.jmeter)");
        assertThat(problems(s -> s.setWorkers(List.of()))).containsExactly("spec.workers: needs at least one worker group");
        assertThat(problems(s -> s.getWorkers().getFirst().setBackend("lambda"))).containsExactly(
                "spec.workers[0].backend: must be eks-fargate or ecs-fargate, was 'lambda'");
        assertThat(problems(s -> s.getWorkers().getFirst().setBackend("ecs-fargate"))).containsExactly(
                "spec.workers[0].testRegionRef: is required for backend ecs-fargate");
        assertThat(problems(s -> s.getWorkers().getFirst().setCount(1001))).containsExactly(
                "spec.workers[0].count: must be at most 1000, was 1001");
        assertThat(problems(s -> {
            s.getWorkers().getFirst().setCount(600);
            WorkerGroupSpec ecs = new WorkerGroupSpec();
            ecs.setBackend("ecs-fargate");
            ecs.setTestRegionRef("us-west-2");
            ecs.setCount(600);
            s.getWorkers().add(ecs);
        })).containsExactly("spec.workers: asks for 1200 workers, at most 1000 are allowed");
        assertThat(problems(s -> s.setEngine("gatling"))).containsExactly("spec.engine: must be native or taurus, was 'gatling'");
    }

    @Test
    void scheduleFieldsAreCheckedNamingTheField() {
        assertThat(problems(s -> s.setSchedule("0 9 * * MON-FRI"))).isEmpty();
        assertThat(problems(s -> s.setSchedule("every day"))).singleElement().asString()
                .startsWith("spec.schedule: 'every day' is not a 5-field cron expression");
        assertThat(problems(s -> s.setSchedule("0 0 9 * * ?"))).as("Quartz' 6 fields").singleElement().asString().startsWith("spec.schedule:");
        assertThat(problems(s -> {
            s.setSchedule("0 9 * * *");
            s.setTimeZone("CEST+2");
        })).singleElement().asString().startsWith("spec.timeZone: 'CEST+2' is not an IANA time zone");
        assertThat(problems(s -> s.setStartAt("next monday"))).singleElement().asString().startsWith("spec.startAt: 'next monday'");
        assertThat(problems(s -> {
            s.setSchedule("0 9 * * 1");
            s.setEveryNthWeek(2);
        })).singleElement().asString().startsWith("spec.everyNthWeek: needs spec.schedule and spec.startAt");
        assertThat(problems(s -> {
            s.setSchedule("* * * * *");
            s.setStartingDeadline("2d");
        })).containsExactly("spec.startingDeadline: must be at most 24h, was '2d'");
        assertThat(problems(s -> s.setConcurrencyPolicy(dev.dlt.operator.api.ConcurrencyPolicy.Replace)))
                .containsExactly("spec.concurrencyPolicy: needs spec.schedule or spec.startAt");
    }

    @Test
    void throughputIsATaurusOptionOfAtLeastOneRequestPerSecond() {
        assertThat(problems(s -> {
            s.setEngine("taurus");
            s.getLoad().setThroughput(50);
        })).isEmpty();
        assertThat(problems(s -> {
            s.setEngine("taurus");
            s.getLoad().setThroughput(0);
        })).containsExactly("spec.load.throughput: must be at least 1 request per second, was 0");
        assertThat(problems(s -> {
            s.setEngine("native");
            s.getLoad().setThroughput(50);
        })).containsExactly("spec.load.throughput: is a Taurus option: it needs engine taurus, not native");
    }

    @Test
    void checksJmeterPlanReferences() {
        assertThat(problems(s -> {
            s.getScenario().setRequests(null);
            s.getScenario().setJmeter(new JmeterPlanSpec());
        })).containsExactly("spec.scenario.jmeter: set either configMapRef or s3");
        assertThat(problems(s -> {
            s.getScenario().setRequests(null);
            s.getScenario().setJmeter(jmeter("plan.txt"));
            s.setEngine("native");
        })).containsExactly("spec.engine: a JMeter plan runs on engine taurus, not native",
                "spec.scenario.jmeter.configMapRef.key: must name a .jmx plan or a .zip with one, was 'plan.txt'");
        assertThat(problems(s -> s.getScenario().setJmeter(jmeter("plan.jmx"))))
                .containsExactly("spec.scenario: set either requests or jmeter, not both");
        assertThat(problems(s -> {
            s.getScenario().setRequests(null);
            s.getScenario().setJmeter(jmeter("suite.ZIP"));
        })).isEmpty();
    }

    private static JmeterPlanSpec jmeter(String key) {
        return TestSpecs.jmeterFromConfigMap("plans", key);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> problems = problems(s -> {
            s.getWorkers().getFirst().setCount(0);
            s.getLoad().setHoldFor("x");
            s.getScenario().getRequests().getFirst().setUrl("");
        });
        assertThat(problems).hasSize(3);
    }

    private List<String> problems(Consumer<LoadTestSpec> change) {
        LoadTestSpec spec = TestSpecs.valid();
        change.accept(spec);
        return validator.validate(spec).stream().map(Violation::toString).toList();
    }
}
