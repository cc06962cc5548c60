package dev.dlt.localcloud.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetServerLoadTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TargetServer server;

    @AfterEach
    void stop() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void keepsConnectionsAlive() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT.withBodySize(64));

        try (RawHttpConnection connection = new RawHttpConnection(server.baseUri())) {
            for (int i = 0; i < 500; i++) {
                assertThat(connection.get("/keep/" + (i % 5))).isEqualTo(200);
            }
        }

        assertThat(server.counters().requests()).isEqualTo(500);
        assertThat(server.counters().requestsByPath()).hasSize(5).containsEntry("/keep/0", 100L);
    }

    @Test
    void servesFiftyKeepAliveConnectionsAtOnceAndCountsEveryRequest() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT.withBodySize(100).withErrorRate(0.01));
        int connections = 50;
        int requestsEach = 200;

        List<Future<Long>> okCounts = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                okCounts.add(executor.submit(() -> {
                    long ok = 0;
                    try (RawHttpConnection connection = new RawHttpConnection(server.baseUri())) {
                        for (int i = 0; i < requestsEach; i++) {
                            ok += connection.get("/load") == 200 ? 1 : 0;
                        }
                    }
                    return ok;
                }));
            }
        }
        long ok = 0;
        for (Future<Long> count : okCounts) {
            ok += count.get();
        }

        assertThat(server.counters().requests()).isEqualTo(10_000);
        assertThat(server.counters().errors()).isEqualTo(100);
        assertThat(ok).isEqualTo(9_900);
    }

    @Test
    void delaysTheResponseHeadersOfExactlyTheSlowShareOfRequests() throws Exception {
        Duration slow = Duration.ofMillis(250);
        server = TargetServer.start(TargetConfig.DEFAULT.withLatencyMix(List.of(
                new TargetConfig.Latency(1, Duration.ZERO), new TargetConfig.Latency(1, slow))));
        timeToHeaders(uri("/warm-up"));
        server.reset();

        List<Duration> fast = new ArrayList<>();
        List<Duration> delayed = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            (n % 2 == 0 ? fast : delayed).add(timeToHeaders(uri("/search")));
        }

        assertThat(delayed).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(slow));
        assertThat(fast).allSatisfy(d -> assertThat(d).isLessThan(slow));
    }

    private URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    private Duration timeToHeaders(URI uri) throws Exception {
        long start = System.nanoTime();
        long[] headersAt = new long[1];
        client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), info -> {
            headersAt[0] = System.nanoTime();
            return BodySubscribers.discarding();
        });
        return Duration.ofNanos(headersAt[0] - start);
    }
}
