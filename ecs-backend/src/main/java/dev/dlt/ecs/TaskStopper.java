package dev.dlt.ecs;

import dev.dlt.ecs.client.EcsApi;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;

/** Stops tasks one StopTask call each (ECS has no batch stop), trying every task even when some calls fail. */
final class TaskStopper {

    static final int MAX_REASON = 255;

    private TaskStopper() {
    }

    /** Stops every task; returns the failures, one message per task that could not be stopped. */
    static List<String> stopAll(EcsApi api, String cluster, List<String> taskArns, String reason) {
        String bounded = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        List<String> failures = new ArrayList<>();
        for (String arn : taskArns) {
            try {
                api.stopTask(StopTaskRequest.builder().cluster(cluster).task(arn).reason(bounded).build());
            } catch (SdkException e) {
                failures.add(TaskIdentity.taskId(arn) + ": " + e.getMessage());
            }
        }
        return failures;
    }
}
