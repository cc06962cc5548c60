package dev.dlt.agent;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The agent's S3 bucket through the AWS SDK. */
public final class S3ResultStore implements ResultStore {

    /** An upload never hangs for longer than this, so the agent's own retries and upload deadline stay in charge. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);

    private final S3Client s3;
    private final String bucket;

    S3ResultStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static S3ResultStore fromConfig(AgentConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(config.optional(AgentConfig.AWS_REGION).orElse("us-east-1")));
        config.optional(AgentConfig.S3_ENDPOINT).ifPresent(endpoint ->
                builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                        // S3-compatible servers (S3Proxy) do not take the SDK's default trailing checksums
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED));
        var accessKey = config.optional("AWS_ACCESS_KEY_ID");
        var secretKey = config.optional("AWS_SECRET_ACCESS_KEY");
        builder.credentialsProvider(accessKey.isPresent() && secretKey.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                : DefaultCredentialsProvider.builder().build());
        return new S3ResultStore(builder.build(), config.required(AgentConfig.BUCKET));
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new IOException("s3://" + bucket + "/" + key + " does not exist", e);
        } catch (RuntimeException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> find(String key) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new IOException("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT)),
                    RequestBody.fromBytes(content));
        } catch (RuntimeException e) {
            throw new IOException("cannot write s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
