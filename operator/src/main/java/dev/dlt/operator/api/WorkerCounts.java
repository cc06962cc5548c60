package dev.dlt.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many workers are where. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkerCounts {

    @JsonPropertyDescription("Workers the spec asks for.")
    private Integer desired;

    @JsonPropertyDescription("Workers launched (pods or tasks created).")
    private Integer launched;

    @JsonPropertyDescription("Workers listening on their start gate.")
    private Integer ready;

    @JsonPropertyDescription("Workers whose results are in S3.")
    private Integer reported;

    @JsonPropertyDescription("Workers that failed or never reported.")
    private Integer failed;

    public Integer getDesired() {
        return desired;
    }

    public void setDesired(Integer desired) {
        this.desired = desired;
    }

    public Integer getLaunched() {
        return launched;
    }

    public void setLaunched(Integer launched) {
        this.launched = launched;
    }

    public Integer getReady() {
        return ready;
    }

    public void setReady(Integer ready) {
        this.ready = ready;
    }

    public Integer getReported() {
        return reported;
    }

    public void setReported(Integer reported) {
        this.reported = reported;
    }

    public Integer getFailed() {
        return failed;
    }

    public void setFailed(Integer failed) {
        this.failed = failed;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WorkerCounts other)) {
            return false;
        }
        return java.util.Objects.equals(desired, other.desired)
                && java.util.Objects.equals(launched, other.launched)
                && java.util.Objects.equals(ready, other.ready)
                && java.util.Objects.equals(reported, other.reported)
                && java.util.Objects.equals(failed, other.failed);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(desired, launched, ready, reported, failed);
    }
}
