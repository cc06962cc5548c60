package dev.dlt.ecs.client;

import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;

/**
 * The ECS operations DLT uses, in one region: the seam between the backend and AWS, so that the
 * backend is tested against a fake and the SDK client against the local cloud's emulator. Errors are
 * the SDK's exceptions ({@code EcsException}, {@code SdkClientException}).
 */
public interface EcsApi {

    RunTaskResponse runTask(RunTaskRequest request);

    DescribeTasksResponse describeTasks(DescribeTasksRequest request);

    ListTasksResponse listTasks(ListTasksRequest request);

    StopTaskResponse stopTask(StopTaskRequest request);

    DescribeClustersResponse describeClusters(DescribeClustersRequest request);

    DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request);
}
