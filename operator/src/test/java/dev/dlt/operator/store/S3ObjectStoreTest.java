package dev.dlt.operator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The real S3 client against a small HTTP server on loopback that answers GETs the way S3 (or something worse) would. */
class S3ObjectStoreTest {

    private static final long HUGE = 450L << 20;

    private HttpServer server;
    private S3Client s3;
    private S3ObjectStore store;
    private final AtomicLong hugeBytesSent = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bucket/small.json", exchange -> {
            byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/bucket/huge.xml", exchange -> {
            exchange.sendResponseHeaders(200, HUGE);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < HUGE; sent += chunk.length) {
                    out.write(chunk);
                    hugeBytesSent.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        server.createContext("/bucket/unsized.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to check up front
            byte[] chunk = new byte[1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        server.createContext("/bucket/missing.json", exchange -> {
            byte[] body = "<Error><Code>NoSuchKey</Code><Message>none</Message></Error>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/bucket/slow-down.json", exchange -> {
            byte[] body = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        s3 = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        store = new S3ObjectStore(s3);
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void readsWhatFits() throws Exception {
        try (InputStream in = store.open("bucket", "small.json", 100).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
        assertThat(store.open("bucket", "missing.json", 100)).isEmpty();
        assertThatThrownBy(() -> store.open("bucket", "small.json", 3)).isInstanceOf(ObjectStore.TooLarge.class);
    }

    @Test
    void refusesAHugeObjectFromItsContentLengthWithoutReadingIt() {
        assertThatThrownBy(() -> store.open("bucket", "huge.xml", 32L << 20)).isInstanceOf(ObjectStore.TooLarge.class)
                .hasMessage("huge.xml is 471859200 bytes, more than the 33554432 accepted");
        // the connection was dropped, not drained: far less than the 450 MB went out
        assertThat(hugeBytesSent.get()).isLessThan(HUGE / 4);
    }

    @Test
    void countsTheBytesOfAnObjectWithoutContentLength() throws Exception {
        try (InputStream in = store.open("bucket", "unsized.xml", 100_000).orElseThrow()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ObjectStore.TooLarge.class).hasMessageContaining("more than the 100000 accepted");
        }
    }

    @Test
    void failuresOfS3AreUnavailableNotGarbage() {
        assertThatThrownBy(() -> store.open("bucket", "slow-down.json", 100)).isInstanceOf(ObjectStore.Unavailable.class)
                .hasMessageContaining("Please reduce your request rate");
        server.stop(0);
        assertThatThrownBy(() -> store.open("bucket", "small.json", 100)).isInstanceOf(ObjectStore.Unavailable.class);
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .endpointOverride(endpoint).forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)).build();
    }
}
