package dev.dlt.localcloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ProxyServerTest {

    @TempDir
    Path workDir;

    @Test
    void servesTheS3ApiToTheAwsSdkAndStopsItsJvmOnClose() throws Exception {
        ProcessHandle process;
        try (S3ProxyServer server = S3ProxyServer.start(workDir);
             S3Client s3 = client(server, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                     .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                     .build()) {
            process = server.process();
            assertThat(process.isAlive()).isTrue();

            s3.createBucket(b -> b.bucket("results"));
            s3.putObject(b -> b.bucket("results").key("runs/1/summary.json"), RequestBody.fromString("{\"ok\":true}"));
            s3.putObject(b -> b.bucket("results").key("runs/1/samples.csv"), RequestBody.fromString("t,latency\n"));
            s3.putObject(b -> b.bucket("results").key("runs/2/summary.json"), RequestBody.fromString("{}"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket("results").key("runs/1/summary.json")).asUtf8String())
                    .isEqualTo("{\"ok\":true}");
            assertThat(s3.listObjectsV2(b -> b.bucket("results").prefix("runs/1/")).contents())
                    .extracting(S3Object::key)
                    .containsExactlyInAnyOrder("runs/1/summary.json", "runs/1/samples.csv");
            assertThat(server.dataDir().resolve("results")).isDirectory();
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void rejectsUploadsWithTheSdkDefaultTrailingChecksums() throws Exception {
        // Pins the reason clients must use WHEN_REQUIRED; if this starts failing, S3Proxy learned aws-chunked trailers.
        try (S3ProxyServer server = S3ProxyServer.start(workDir);
             S3Client s3 = client(server, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY).build()) {
            s3.createBucket(b -> b.bucket("defaults"));

            Throwable failure = catchThrowable(() ->
                    s3.putObject(b -> b.bucket("defaults").key("k"), RequestBody.fromString("v")));

            assertThat(failure).isInstanceOf(S3Exception.class).hasMessageContaining("x-amz-content-sha256");
        }
    }

    @Test
    void rejectsRequestsSignedWithOtherCredentials() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start(workDir);
             S3Client s3 = client(server, "someone-else", "wrong-secret").build()) {
            assertThat(catchThrowable(s3::listBuckets))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void anOutageKeepsThePortAndTheObjectsAndAFreezeAnswersNothingUntilThawed() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start(workDir);
             S3Client s3 = client(server, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
                     .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                     .overrideConfiguration(c -> c.apiCallTimeout(java.time.Duration.ofSeconds(20)).retryStrategy(r -> r.maxAttempts(1)))
                     .build()) {
            s3.createBucket(b -> b.bucket("results"));
            s3.putObject(b -> b.bucket("results").key("w0.json"), RequestBody.fromString("{}"));
            ProcessHandle first = server.process();

            server.stop();
            assertThat(first.isAlive()).isFalse();
            assertThat(server.running()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s3.listBuckets()).isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);

            server.restart();
            assertThat(server.process().pid()).isNotEqualTo(first.pid());
            assertThat(s3.getObjectAsBytes(b -> b.bucket("results").key("w0.json")).asUtf8String()).isEqualTo("{}");

            server.freeze();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s3.listBuckets(b -> b.overrideConfiguration(c -> c.apiCallTimeout(java.time.Duration.ofSeconds(2)))))
                    .isInstanceOf(software.amazon.awssdk.core.exception.ApiCallTimeoutException.class);
            server.thaw();
            assertThat(s3.listBuckets().buckets()).extracting(software.amazon.awssdk.services.s3.model.Bucket::name).contains("results");
        }
    }

    private static S3ClientBuilder client(S3ProxyServer server, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .httpClientBuilder(Apache5HttpClient.builder());
    }
}
