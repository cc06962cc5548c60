package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** CPU and memory of each worker of a group, replacing the operator-wide defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkerResourcesSpec {

    @Pattern(SpecLimits.CPU_QUANTITY)
    @JsonPropertyDescription("CPU of each worker as a Kubernetes quantity (e.g. 1, 2, 500m): pod requests and limits on eks-fargate, the task size on ecs-fargate (1 = 1024 CPU units). Default: the operator's worker.cpu.")
    private String cpu;

    @Pattern(SpecLimits.MEMORY_QUANTITY)
    @JsonPropertyDescription("Memory of each worker as a Kubernetes quantity (e.g. 2Gi, 4096Mi): pod requests and limits on eks-fargate, the task size on ecs-fargate (a valid Fargate pair with cpu). Default: the operator's worker.memory.")
    private String memory;

    public String getCpu() {
        return cpu;
    }

    public void setCpu(String cpu) {
        this.cpu = cpu;
    }

    public String getMemory() {
        return memory;
    }

    public void setMemory(String memory) {
        this.memory = memory;
    }
}
