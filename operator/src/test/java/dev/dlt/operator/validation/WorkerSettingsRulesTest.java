package dev.dlt.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.TestSpecs;
import dev.dlt.operator.api.LoadTestSpec;
import dev.dlt.operator.api.TolerationSpec;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.operator.api.WorkerResourcesSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WorkerSettingsRulesTest {

    private final SpecValidator validator = new SpecValidator();

    @Test
    void acceptsEveryFargatePairAtTheEdgesOfItsRange() {
        String[][] valid = {{"0.25", "512Mi"}, {"250m", "1Gi"}, {"0.25", "2Gi"}, {"0.5", "1Gi"}, {"0.5", "4Gi"}, {"1", "2Gi"}, {"1", "8Gi"},
                {"2", "4Gi"}, {"2", "5Gi"}, {"2", "16Gi"}, {"4", "8Gi"}, {"4", "30Gi"}, {"8", "16Gi"}, {"8", "20Gi"}, {"8", "60Gi"},
                {"16", "32Gi"}, {"16", "40Gi"}, {"16", "120Gi"}, {"1", "3072Mi"}};
        for (String[] pair : valid) {
            assertThat(problems(s -> s.getWorkers().add(ecs(pair[0], pair[1])))).as(pair[0] + "/" + pair[1]).isEmpty();
        }
    }

    @Test
    void refusesSizesFargateDoesNotRunNamingTheField() {
        assertThat(problems(s -> s.getWorkers().add(ecs("0.25", "1536Mi")))).containsExactly(
                "spec.workers[1].resources.memory: is not a Fargate memory size for '0.25' vCPU: 512 to 2048 MiB in steps of 1024 MiB, was '1536Mi'");
        assertThat(problems(s -> s.getWorkers().add(ecs("1", "9Gi")))).singleElement().asString()
                .startsWith("spec.workers[1].resources.memory: is not a Fargate memory size for '1' vCPU: 2048 to 8192 MiB");
        assertThat(problems(s -> s.getWorkers().add(ecs("4", "31Gi")))).singleElement().asString().startsWith("spec.workers[1].resources.memory:");
        assertThat(problems(s -> s.getWorkers().add(ecs("8", "18Gi")))).as("8 vCPU goes in 4 GiB steps").singleElement().asString()
                .startsWith("spec.workers[1].resources.memory:");
        assertThat(problems(s -> s.getWorkers().add(ecs("16", "36Gi")))).as("16 vCPU goes in 8 GiB steps").singleElement().asString()
                .startsWith("spec.workers[1].resources.memory:");
        assertThat(problems(s -> s.getWorkers().add(ecs("3", "8Gi")))).containsExactly(
                "spec.workers[1].resources.cpu: Fargate task CPU must be one of 0.25, 0.5, 1, 2, 4, 8, 16 vCPU, was '3'");
        assertThat(problems(s -> s.getWorkers().add(ecs("1", null)))).containsExactly(
                "spec.workers[1].resources.memory: is required with cpu on ecs-fargate: Fargate accepts a task size as a pair");
        assertThat(problems(s -> s.getWorkers().add(ecs("0", "2Gi")))).contains(
                "spec.workers[1].resources.cpu: must be a positive CPU quantity (e.g. 1, 500m), was '0'");
        assertThat(problems(s -> s.getWorkers().getFirst().setResources(resources("lots", "2Gi")))).containsExactly(
                "spec.workers[0].resources.cpu: must be a positive CPU quantity (e.g. 1, 500m), was 'lots'");
    }

    @Test
    void eksTakesAnyPositiveQuantities() {
        assertThat(problems(s -> s.getWorkers().getFirst().setResources(resources("1500m", "3Gi")))).isEmpty();
        assertThat(problems(s -> s.getWorkers().getFirst().setResources(resources(null, "3Gi")))).isEmpty();
    }

    @Test
    void refusesTheOperatorsOwnLabelKeys() {
        assertThat(problems(s -> s.getWorkers().getFirst().setLabels(Map.of("team", "payments", "load.dlt.dev/run", "r1",
                "app.kubernetes.io/managed-by", "me", "app.kubernetes.io/name", "x")))).containsExactly(
                "spec.workers[0].labels[app.kubernetes.io/managed-by]: is set by the operator to find its pods and cannot be overridden",
                "spec.workers[0].labels[app.kubernetes.io/name]: is set by the operator to find its pods and cannot be overridden",
                "spec.workers[0].labels[load.dlt.dev/run]: is set by the operator to find its pods and cannot be overridden");
        assertThat(problems(s -> s.getWorkers().getFirst().setLabels(Map.of("app.kubernetes.io/part-of", "shop")))).isEmpty();
        assertThat(problems(s -> s.getWorkers().getFirst().setLabels(Map.of("team", "not ok")))).singleElement().asString()
                .startsWith("spec.workers[0].labels[team]: must be a label value");
        assertThat(problems(s -> s.getWorkers().getFirst().setLabels(Map.of("-bad", "x")))).containsExactly(
                "spec.workers[0].labels['-bad']: is not a valid label key");
    }

    @Test
    void podOnlySettingsAreRefusedOnEcs() {
        assertThat(problems(s -> {
            WorkerGroupSpec group = ecs(null, null);
            group.setNodeSelector(Map.of("a", "b"));
            group.setLabels(Map.of("team", "x"));
            group.setServiceAccountName("sa");
            s.getWorkers().add(group);
        })).containsExactly("spec.workers[1].nodeSelector: applies to backend eks-fargate only",
                "spec.workers[1].labels: applies to backend eks-fargate only",
                "spec.workers[1].serviceAccountName: applies to backend eks-fargate only");
    }

    @Test
    void anExistsTolerationHasNoValue() {
        TolerationSpec toleration = new TolerationSpec();
        toleration.setKey("dedicated");
        toleration.setOperator("Exists");
        toleration.setValue("load");
        assertThat(problems(s -> s.getWorkers().getFirst().setTolerations(List.of(toleration)))).containsExactly(
                "spec.workers[0].tolerations[0].value: must be empty with operator Exists");
    }

    private static WorkerGroupSpec ecs(String cpu, String memory) {
        WorkerGroupSpec group = new WorkerGroupSpec();
        group.setBackend("ecs-fargate");
        group.setTestRegionRef("us-west-2");
        group.setCount(1);
        if (cpu != null || memory != null) {
            group.setResources(resources(cpu, memory));
        }
        return group;
    }

    private static WorkerResourcesSpec resources(String cpu, String memory) {
        WorkerResourcesSpec resources = new WorkerResourcesSpec();
        resources.setCpu(cpu);
        resources.setMemory(memory);
        return resources;
    }

    private List<String> problems(Consumer<LoadTestSpec> change) {
        LoadTestSpec spec = TestSpecs.valid();
        change.accept(spec);
        return validator.validate(spec).stream().map(Violation::toString).toList();
    }
}
