package dev.dlt.ecs.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
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

/** {@link EcsApi} over the AWS SDK v2 {@link EcsClient} of one region. */
public final class SdkEcsApi implements EcsApi, AutoCloseable {

    private final EcsClient ecs;

    public SdkEcsApi(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** How long one ECS call may take before it fails, so a frozen ECS cannot hold a reconcile for long. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    /**
     * A client for {@code region}, sent to {@code endpoint} when given (the local cloud's emulator)
     * instead of the region's ECS endpoint. It never retries: the SDK would sleep between attempts inside
     * a reconcile, while the backend reports the error and the operator calls again later.
     */
    public static SdkEcsApi create(String region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        EcsClientBuilder builder = EcsClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()).apiCallTimeout(CALL_TIMEOUT))
                .region(Region.of(region))
                .credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return new SdkEcsApi(builder.build());
    }

    @Override
    public RunTaskResponse runTask(RunTaskRequest request) {
        return ecs.runTask(request);
    }

    @Override
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        return ecs.describeTasks(request);
    }

    @Override
    public ListTasksResponse listTasks(ListTasksRequest request) {
        return ecs.listTasks(request);
    }

    @Override
    public StopTaskResponse stopTask(StopTaskRequest request) {
        return ecs.stopTask(request);
    }

    @Override
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        return ecs.describeClusters(request);
    }

    @Override
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        return ecs.describeTaskDefinition(request);
    }

    @Override
    public void close() {
        ecs.close();
    }
}
