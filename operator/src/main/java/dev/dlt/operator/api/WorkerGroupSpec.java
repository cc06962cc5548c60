package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A group of identical workers on one backend (and, for ECS, in one region). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.backend == 'ecs-fargate' ? has(self.testRegionRef) : !has(self.testRegionRef)",
        message = "testRegionRef is required for backend ecs-fargate and applies to it only")
public class WorkerGroupSpec {

    @Required
    @Pattern("^(eks-fargate|ecs-fargate)$")
    @JsonPropertyDescription("Where the workers run: eks-fargate (pods in this namespace) or ecs-fargate (tasks in the region of testRegionRef).")
    private String backend;

    @Required
    @Min(1)
    @Max(SpecLimits.MAX_WORKERS_PER_GROUP)
    @JsonPropertyDescription("Number of workers in this group, 1 to 1000.")
    private Integer count;

    @Size(max = SpecLimits.MAX_NAME)
    @Pattern(SpecLimits.DNS_1123_SUBDOMAIN)
    @JsonPropertyDescription("Name of the TestRegion (same namespace) describing the ECS cluster; required for ecs-fargate.")
    private String testRegionRef;

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getTestRegionRef() {
        return testRegionRef;
    }

    public void setTestRegionRef(String testRegionRef) {
        this.testRegionRef = testRegionRef;
    }
}
