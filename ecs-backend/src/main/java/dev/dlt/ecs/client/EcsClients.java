package dev.dlt.ecs.client;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** One {@link EcsApi} per AWS region, created on first use and kept (SDK clients are meant to be shared). */
public final class EcsClients implements AutoCloseable {

    private final Function<String, EcsApi> factory;
    private final Map<String, EcsApi> byRegion = new ConcurrentHashMap<>();

    /** @param factory creates the API of a region, e.g. a fake in tests */
    public EcsClients(Function<String, EcsApi> factory) {
        this.factory = factory;
    }

    /** SDK clients for every region, all sent to {@code endpoint} when given (the local cloud). */
    public static EcsClients sdk(Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        return new EcsClients(region -> SdkEcsApi.create(region, endpoint, credentials));
    }

    public EcsApi forRegion(String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an AWS region is required for ECS");
        }
        return byRegion.computeIfAbsent(region, factory);
    }

    @Override
    public void close() {
        for (EcsApi api : byRegion.values()) {
            if (api instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing one client must not keep the others open
                }
            }
        }
        byRegion.clear();
    }
}
