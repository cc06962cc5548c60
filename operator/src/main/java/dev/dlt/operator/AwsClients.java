package dev.dlt.operator;


import dev.dlt.operator.config.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The AWS SDK clients, pointed at AWS or, when endpoints are configured, at the local cloud. */
@ApplicationScoped
public class AwsClients {

    @Produces
    @ApplicationScoped
    S3Client s3(OperatorConfig config) {
        var builder = S3Client.builder().httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(config.aws().region())).credentialsProvider(credentials(config));
        // S3-compatible servers (S3Proxy) do not take the SDK's default trailing checksums
        config.s3().endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));
        if (config.s3().endpoint().isEmpty()) {
            builder.crossRegionAccessEnabled(true); // TestRegions may keep their results in buckets of their own region
        }
        return builder.build();
    }

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamo(OperatorConfig config) {
        var builder = DynamoDbClient.builder().httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(config.aws().region())).credentialsProvider(credentials(config));
        config.dynamodb().endpoint().ifPresent(e -> builder.endpointOverride(URI.create(e)));
        return builder.build();
    }

    void close(@Disposes S3Client s3) {
        s3.close();
    }

    void close(@Disposes DynamoDbClient dynamo) {
        dynamo.close();
    }

    static AwsCredentialsProvider credentials(OperatorConfig config) {
        Optional<String> key = config.aws().accessKeyId();
        Optional<String> secret = config.aws().secretAccessKey();
        if (key.isPresent() && secret.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
