package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The ECS resources of one AWS region that load-test workers run in (what DLT's regional item described). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestRegionSpec extends LenientSpec {

    @Required
    @Pattern("^[a-z]{2}(-[a-z]+)+-\\d+$")
    @JsonPropertyDescription("AWS region, e.g. us-west-2.")
    private String region;

    @Required
    @Pattern(SpecLimits.ECS_CLUSTER)
    @JsonPropertyDescription("ECS cluster name or ARN.")
    private String cluster;

    @Required
    @Pattern(SpecLimits.ECS_TASK_DEFINITION)
    @JsonPropertyDescription("Task definition (family, family:revision or ARN) running the worker image; Fargate, awsvpc network mode.")
    private String taskDefinition;

    @Required
    @Pattern(SpecLimits.ECS_CONTAINER)
    @JsonPropertyDescription("Name of the worker container in the task definition.")
    private String containerName;

    @Required
    @Size(min = 1, max = SpecLimits.MAX_SUBNETS)
    @JsonPropertyDescription("Subnets of the tasks (awsvpc), 1 to 16; the operator's leader must reach the workers' private IPs on port 50000.")
    private List<String> subnets;

    @Required
    @Size(min = 1, max = SpecLimits.MAX_SECURITY_GROUPS)
    @JsonPropertyDescription("Security groups of the tasks, 1 to 5; allow TCP 50000 inside the group.")
    private List<String> securityGroups;

    @JsonPropertyDescription("Give tasks a public IP (needed in public subnets without a NAT gateway to pull images and reach S3). Default false.")
    private Boolean assignPublicIp;

    @Pattern(SpecLimits.LOG_GROUP)
    @JsonPropertyDescription("CloudWatch Logs group of the workers, shown in status for convenience.")
    private String logGroup;

    @Pattern(SpecLimits.S3_BUCKET)
    @JsonPropertyDescription("S3 bucket the workers of this region read the scenario from and write results to; default: the operator's bucket.")
    private String bucket;

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getTaskDefinition() {
        return taskDefinition;
    }

    public void setTaskDefinition(String taskDefinition) {
        this.taskDefinition = taskDefinition;
    }

    public String getContainerName() {
        return containerName;
    }

    public void setContainerName(String containerName) {
        this.containerName = containerName;
    }

    public List<String> getSubnets() {
        return subnets;
    }

    public void setSubnets(List<String> subnets) {
        this.subnets = subnets;
    }

    public List<String> getSecurityGroups() {
        return securityGroups;
    }

    public void setSecurityGroups(List<String> securityGroups) {
        this.securityGroups = securityGroups;
    }

    public Boolean getAssignPublicIp() {
        return assignPublicIp;
    }

    public void setAssignPublicIp(Boolean assignPublicIp) {
        this.assignPublicIp = assignPublicIp;
    }

    public String getLogGroup() {
        return logGroup;
    }

    public void setLogGroup(String logGroup) {
        this.logGroup = logGroup;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }
}
