package dev.dlt.ecs;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerRole;
import dev.dlt.ecs.client.EcsApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * One pass of RunTask calls for the tasks a run is missing, at most 10 tasks each and one attempt per
 * batch: the pass ends at the first answer that leaves tasks missing, and never waits or retries.
 */
final class TaskLauncher {

    static final int MAX_TASKS_PER_CALL = 10;
    private static final int MAX_REASONS = 3;

    private final int maxCalls;

    TaskLauncher(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    /**
     * What a pass achieved.
     *
     * @param started       ARNs of the tasks it started
     * @param problem       why it stopped short (null when it did not)
     * @param tokenConsumed ECS answered a call with fewer tasks than asked: its client token must not be used again
     * @param rejection     the error calling again cannot fix (null when there was none)
     */
    record Pass(List<String> started, String problem, boolean tokenConsumed, SdkException rejection) {
    }

    /**
     * Starts up to {@code missing} tasks after the {@code existing} ones.
     *
     * @param generation how many short answers the run's launch has had: part of every client token, so a batch
     *                   retried after ECS answered it never replays that answer, while a batch retried after no
     *                   answer (timeout, 5xx, throttling) reuses its token and cannot run twice
     */
    Pass launch(EcsApi api, TestRegionSettings region, TaskIdentity identity, WorkerRole role, int existing, int missing,
                TaskOverride overrides, int generation) {
        List<String> started = new ArrayList<>();
        for (int calls = 0; started.size() < missing && calls < maxCalls; calls++) {
            int batch = Math.min(MAX_TASKS_PER_CALL, missing - started.size());
            String token = identity.clientToken(role, existing + started.size(), batch, generation);
            RunTaskResponse response;
            try {
                response = api.runTask(request(region, identity, role, batch, overrides, token));
            } catch (SdkException e) {
                return EcsErrors.retryable(e) ? new Pass(started, "RunTask: " + EcsErrors.describe(e), false, null)
                        : new Pass(started, null, false, e);
            }
            response.tasks().stream().map(Task::taskArn).forEach(started::add);
            if (response.tasks().size() < batch) {
                return new Pass(started, "RunTask: " + (batch - response.tasks().size()) + " of " + batch + " tasks not started: "
                        + reasons(response.failures()), true, null);
            }
        }
        return new Pass(started, null, false, null);
    }

    private static RunTaskRequest request(TestRegionSettings region, TaskIdentity identity, WorkerRole role, int count,
                                          TaskOverride overrides, String clientToken) {
        return RunTaskRequest.builder()
                .cluster(region.cluster())
                .taskDefinition(region.taskDefinition())
                .launchType(LaunchType.FARGATE)
                .count(count)
                .startedBy(identity.startedBy())
                .group(identity.group())
                .tags(identity.tags(role))
                .overrides(overrides)
                .clientToken(clientToken)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> {
                    a.subnets(region.subnets());
                    if (!region.securityGroups().isEmpty()) {
                        a.securityGroups(region.securityGroups());
                    }
                    a.assignPublicIp(region.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED);
                }))
                .build();
    }

    /** {@code RESOURCE:MEMORY} or {@code RESOURCE:MEMORY (2), RESOURCE:CPU (1)}: the distinct reasons, counted. */
    static String reasons(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "ECS gave no reason";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Failure f : failures) {
            String reason = f.reason() == null || f.reason().isBlank() ? "unknown" : f.reason();
            counts.merge(reason.length() > 80 ? reason.substring(0, 80) + "…" : reason, 1, Integer::sum);
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        String shown = counts.entrySet().stream().limit(MAX_REASONS).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return counts.size() > MAX_REASONS ? shown + ", …" : shown;
    }
}
