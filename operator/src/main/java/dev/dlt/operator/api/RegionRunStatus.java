package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The run in one region (one leader). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegionRunStatus {

    @JsonPropertyDescription("Region name: 'local' for EKS workers of this cluster, or the TestRegion's region.")
    private String region;

    @JsonPropertyDescription("eks-fargate or ecs-fargate.")
    private String backend;

    @JsonPropertyDescription("Worker counts of this region.")
    private WorkerCounts workers;

    @JsonPropertyDescription("The leader's outcome: STARTED, PARTIAL or ABORTED.")
    private LeaderOutcome leader;

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public WorkerCounts getWorkers() {
        return workers;
    }

    public void setWorkers(WorkerCounts workers) {
        this.workers = workers;
    }

    public LeaderOutcome getLeader() {
        return leader;
    }

    public void setLeader(LeaderOutcome leader) {
        this.leader = leader;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RegionRunStatus other)) {
            return false;
        }
        return java.util.Objects.equals(region, other.region)
                && java.util.Objects.equals(backend, other.backend)
                && java.util.Objects.equals(workers, other.workers)
                && java.util.Objects.equals(leader, other.leader);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(region, backend, workers, leader);
    }
}
