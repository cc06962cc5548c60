package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

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

    @JsonPropertyDescription("CPU and memory of each worker; default: the operator's worker.cpu and worker.memory.")
    private WorkerResourcesSpec resources;

    @JsonPropertyDescription("eks-fargate only: node selector of the worker pods.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("eks-fargate only: tolerations of the worker pods.")
    private List<TolerationSpec> tolerations;

    @ValidationRule(value = "self.all(k, !k.startsWith('load.dlt.dev/') && k != 'app.kubernetes.io/name' && k != 'app.kubernetes.io/managed-by')",
            message = "the operator's own label keys (app.kubernetes.io/name, app.kubernetes.io/managed-by, load.dlt.dev/*) cannot be set")
    @JsonPropertyDescription("eks-fargate only: labels added to the worker pods; the operator's own keys (app.kubernetes.io/name, app.kubernetes.io/managed-by, load.dlt.dev/*) are refused.")
    private Map<String, String> labels;

    @JsonPropertyDescription("eks-fargate only: annotations added to the worker pods.")
    private Map<String, String> annotations;

    @Size(max = SpecLimits.MAX_NAME)
    @Pattern(SpecLimits.DNS_1123_SUBDOMAIN)
    @JsonPropertyDescription("eks-fargate only: service account of the worker pods (e.g. for IRSA); default: the operator's worker.serviceAccount.")
    private String serviceAccountName;

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

    public WorkerResourcesSpec getResources() {
        return resources;
    }

    public void setResources(WorkerResourcesSpec resources) {
        this.resources = resources;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<TolerationSpec> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<TolerationSpec> tolerations) {
        this.tolerations = tolerations;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }
}
