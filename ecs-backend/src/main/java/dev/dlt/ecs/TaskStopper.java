package dev.dlt.ecs;

import dev.dlt.ecs.client.EcsApi;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;

/**
 * Stops tasks one StopTask call each (ECS has no batch stop), one attempt per task: it goes on past a
 * task that cannot be stopped, but not past throttling, which would refuse the rest as well.
 */
final class TaskStopper {

    static final int MAX_REASON = 255;

    private TaskStopper() {
    }

    /** Stops every task; returns the failures, one message per task that could not be stopped (or was not tried). */
    static List<String> stopAll(EcsApi api, String cluster, List<String> taskArns, String reason) {
        String bounded = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < taskArns.size(); i++) {
            String arn = taskArns.get(i);
            try {
                api.stopTask(StopTaskRequest.builder().cluster(cluster).task(arn).reason(bounded).build());
            } catch (SdkException e) {
                failures.add(TaskIdentity.taskId(arn) + ": " + EcsErrors.describe(e));
                if (e instanceof AwsServiceException service && service.isThrottlingException()) {
                    taskArns.subList(i + 1, taskArns.size()).forEach(rest -> failures.add(TaskIdentity.taskId(rest) + ": not tried (throttled)"));
                    break;
                }
            }
        }
        return failures;
    }
}
