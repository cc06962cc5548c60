package dev.dlt.ecs;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.backend.WorkerRole;
import dev.dlt.ecs.client.EcsApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LimitExceededException;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Runs N identical Fargate tasks with as few RunTask calls as ECS allows (at most 10 tasks each),
 * retrying what RunTask reports as {@code failures}, throttling, server and capacity errors with
 * backoff until the launch deadline; past it, stops what it started and throws.
 */
final class TaskLauncher {

    static final int MAX_TASKS_PER_CALL = 10;

    private final EcsBackendSettings settings;

    TaskLauncher(EcsBackendSettings settings) {
        this.settings = settings;
    }

    /** Launches {@code count} tasks in addition to {@code launchedBefore} existing ones; returns the new task ARNs. */
    List<String> launch(EcsApi api, String regionName, TestRegionSettings region, TaskIdentity identity, WorkerRole role,
                        int launchedBefore, int count, TaskOverride overrides) {
        Instant deadline = settings.clock().instant().plus(settings.launchDeadline());
        List<String> started = new ArrayList<>();
        int backoffAttempt = 0;
        int processedFailures = 0;
        String lastProblem = null;
        while (started.size() < count) {
            int batch = Math.min(MAX_TASKS_PER_CALL, count - started.size());
            String token = identity.clientToken(role, launchedBefore + started.size(), batch, processedFailures);
            try {
                RunTaskResponse response = api.runTask(request(region, identity, role, batch, overrides, token));
                response.tasks().stream().map(Task::taskArn).forEach(started::add);
                if (response.tasks().size() >= batch) {
                    backoffAttempt = 0;
                    continue;
                }
                processedFailures++; // ECS processed this token: a retry needs a new one
                lastProblem = response.failures().isEmpty() ? "RunTask returned " + response.tasks().size() + " of " + batch
                        + " tasks and no failures" : reasons(response.failures());
            } catch (SdkException e) {
                if (!retryable(e)) {
                    throw giveUp(api, regionName, region, role, count, started, "ECS rejected RunTask: " + e.getMessage(), e);
                }
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Duration remaining = Duration.between(settings.clock().instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw giveUp(api, regionName, region, role, count, started, "gave up after " + settings.launchDeadline()
                        + " of retries; last failure: " + lastProblem, null);
            }
            try {
                settings.sleeper().sleep(min(delay(backoffAttempt++), remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw giveUp(api, regionName, region, role, count, started, "interrupted; last failure: " + lastProblem, e);
            }
        }
        return started;
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

    /** Throttling, server errors, quota and capacity shortages pass; anything else is a configuration problem. */
    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            if (service.isThrottlingException() || service.statusCode() >= 500 || service instanceof LimitExceededException) {
                return true;
            }
            String message = String.valueOf(service.getMessage()).toLowerCase(Locale.ROOT);
            return service instanceof ClientException
                    && (message.contains("throttl") || message.contains("rate exceeded") || message.contains("capacity"));
        }
        return e instanceof SdkClientException; // network trouble: the client token makes the retry safe
    }

    private Duration delay(int attempt) {
        long base = settings.backoffBase().toMillis();
        long cap = Math.min(settings.backoffMax().toMillis(), base << Math.min(attempt, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String reasons(List<Failure> failures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Failure f : failures) {
            counts.merge(f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")"), 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static EcsLaunchException giveUp(EcsApi api, String regionName, TestRegionSettings region, WorkerRole role, int count,
                                             List<String> started, String why, Throwable cause) {
        TaskStopper.stopAll(api, region.cluster(), started, "DLT launch failed");
        String what = role == WorkerRole.LEADER ? "the leader task" : count + " worker tasks";
        return new EcsLaunchException(regionName, "could not launch " + what + " in TestRegion " + regionName + " (" + region.region()
                + ", cluster " + region.cluster() + "): " + started.size() + " launched"
                + (started.isEmpty() ? "" : " and stopped again") + "; " + why, cause);
    }
}
