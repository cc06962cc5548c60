package dev.dlt.ecs;

import dev.dlt.ecs.client.EcsApi;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.HealthCheck;

/** An in-memory ECS for unit tests: tasks, clusters, task definitions, scripted RunTask outcomes, recorded calls. */
public final class FakeEcsApi implements EcsApi {

    public static final String TASK_DEFINITION_ARN = "arn:aws:ecs:us-west-2:123456789012:task-definition/dlt-worker:3";

    final List<RunTaskRequest> runTaskCalls = new ArrayList<>();
    final List<DescribeTasksRequest> describeTaskCalls = new ArrayList<>();
    final List<StopTaskRequest> stopTaskCalls = new ArrayList<>();
    int listTaskCalls;
    /** Errors the next ListTasks / StopTask calls throw, in order. */
    final Deque<SdkException> listTaskErrors = new ArrayDeque<>();
    final Deque<SdkException> stopTaskErrors = new ArrayDeque<>();
    int describeTaskDefinitionCalls;
    final Map<String, Task> tasks = new LinkedHashMap<>();
    public final Map<String, Cluster> clusters = new HashMap<>();
    public final Map<String, TaskDefinition> taskDefinitions = new HashMap<>();
    private final Map<String, RunTaskResponse> byClientToken = new HashMap<>();
    /** What the next RunTask calls do: an SdkException is thrown; an Integer fails that many tasks of the call. */
    private final Deque<Object> script = new ArrayDeque<>();
    private int ips;

    /** A RunTask outcome: ECS runs the tasks, but the response never reaches the caller. */
    static final Object LOST_RESPONSE = new Object();

    /** A Fargate task definition {@code dlt-worker:3} with container {@code agent}, logging to {@code /dlt/workers}. */
    public static TaskDefinition fargateDefinition(boolean healthCheck) {
        return TaskDefinition.builder().taskDefinitionArn(TASK_DEFINITION_ARN).family("dlt-worker").revision(3)
                .status(TaskDefinitionStatus.ACTIVE).networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .containerDefinitions(ContainerDefinition.builder().name("agent").image("dlt/load-tester")
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", "/dlt/workers")))
                        .healthCheck(healthCheck ? HealthCheck.builder().command("CMD-SHELL", "exit 0").build() : null)
                        .build())
                .build();
    }

    FakeEcsApi then(Object outcome) {
        script.add(outcome);
        return this;
    }

    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        runTaskCalls.add(request);
        if (request.count() > TaskLauncher.MAX_TASKS_PER_CALL) {
            throw ClientException.builder().message("count must be at most 10").statusCode(400).build();
        }
        RunTaskResponse earlier = byClientToken.get(request.clientToken());
        if (earlier != null) {
            return earlier;
        }
        Object outcome = script.isEmpty() ? 0 : script.poll();
        if (outcome instanceof SdkException e) {
            throw e;
        }
        int failing = outcome == LOST_RESPONSE ? 0 : Math.min(request.count(), (Integer) outcome);
        List<Task> started = new ArrayList<>();
        for (int i = 0; i < request.count() - failing; i++) {
            started.add(add(request.startedBy(), request.tags(), "PROVISIONING"));
        }
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < failing; i++) {
            failures.add(Failure.builder().reason("RESOURCE:MEMORY").build());
        }
        RunTaskResponse response = RunTaskResponse.builder().tasks(started).failures(failures).build();
        byClientToken.put(request.clientToken(), response);
        if (outcome == LOST_RESPONSE) {
            throw SdkClientException.create("read timed out");
        }
        return response;
    }

    /** Adds a task as RunTask would, in the given state. */
    Task add(String startedBy, Collection<software.amazon.awssdk.services.ecs.model.Tag> tags, String lastStatus) {
        String id = UUID.randomUUID().toString().replace("-", "");
        int n = ips++;
        Task task = Task.builder().taskArn("arn:aws:ecs:us-west-2:123456789012:task/dlt/" + id)
                .taskDefinitionArn(TASK_DEFINITION_ARN).startedBy(startedBy).tags(tags)
                .lastStatus(lastStatus).desiredStatus("RUNNING")
                .attachments(Attachment.builder().type("ElasticNetworkInterface").status("ATTACHED")
                        .details(KeyValuePair.builder().name("privateIPv4Address").value("10.0." + n / 250 + "." + (n % 250 + 2)).build())
                        .build())
                .containers(Container.builder().name("agent").healthStatus(HealthStatus.UNKNOWN).build())
                .build();
        tasks.put(task.taskArn(), task);
        return task;
    }

    void update(String arn, java.util.function.Consumer<Task.Builder> change) {
        Task.Builder builder = tasks.get(arn).toBuilder();
        change.accept(builder);
        tasks.put(arn, builder.build());
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        describeTaskCalls.add(request);
        if (request.tasks().size() > RunTasks.DESCRIBE_LIMIT) {
            throw ClientException.builder().message("too many tasks").statusCode(400).build();
        }
        return DescribeTasksResponse.builder().tasks(request.tasks().stream().map(tasks::get).toList()).build();
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        listTaskCalls++;
        if (!listTaskErrors.isEmpty()) {
            throw listTaskErrors.poll();
        }
        List<String> matching = tasks.values().stream()
                .filter(t -> t.startedBy().equals(request.startedBy()) && t.desiredStatus().equals(request.desiredStatusAsString()))
                .map(Task::taskArn).toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(matching.size(), from + request.maxResults());
        return ListTasksResponse.builder().taskArns(matching.subList(from, to))
                .nextToken(to < matching.size() ? Integer.toString(to) : null).build();
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        stopTaskCalls.add(request);
        if (!stopTaskErrors.isEmpty()) {
            throw stopTaskErrors.poll();
        }
        update(request.task(), t -> t.desiredStatus("STOPPED").stoppedReason(request.reason()));
        return StopTaskResponse.builder().task(tasks.get(request.task())).build();
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        String name = request.clusters().getFirst();
        Cluster cluster = clusters.get(name);
        return cluster == null
                ? DescribeClustersResponse.builder().failures(Failure.builder().arn(name).reason("MISSING").build()).build()
                : DescribeClustersResponse.builder().clusters(cluster).build();
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        describeTaskDefinitionCalls++;
        TaskDefinition definition = taskDefinitions.get(request.taskDefinition());
        if (definition == null) {
            throw ClientException.builder().message("Unable to describe task definition.").statusCode(400)
                    .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                            .errorCode("ClientException").errorMessage("Unable to describe task definition.").build())
                    .build();
        }
        return DescribeTaskDefinitionResponse.builder().taskDefinition(definition).build();
    }
}
