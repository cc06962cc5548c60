package dev.dlt.localcloud.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetServerTest {

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
    void countsRequestsByPathAndMethodAndAnswersWithTheConfiguredBody() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT.withBodySize(300));

        for (int i = 0; i < 30; i++) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/orders")).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).hasSize(300);
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(300);
        }
        for (int i = 0; i < 20; i++) {
            send(HttpRequest.newBuilder(uri("/orders/7?expand=lines")).DELETE());
        }

        assertThat(server.counters().requests()).isEqualTo(50);
        assertThat(server.counters().errors()).isZero();
        assertThat(server.counters().requestsByPath()).isEqualTo(Map.of("/orders", 30L, "/orders/7", 20L));
        assertThat(server.counters().requestsByMethod()).isEqualTo(Map.of("GET", 30L, "DELETE", 20L));
    }

    @Test
    void aStallHoldsEveryRequestThatArrivesDuringItUntilItsEnd() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT);
        long before = System.nanoTime();
        server.stallEvery(Duration.ofSeconds(1), Duration.ofSeconds(1)); // always stalled: answers at each full second

        assertThat(send(HttpRequest.newBuilder(uri("/a")).GET()).statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        server.stallEvery(Duration.ZERO, Duration.ZERO);
        assertThat(send(HttpRequest.newBuilder(uri("/b")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theStallIsTheLastLengthOfEveryPeriod() {
        var stall = new TargetServer.Stall(0, 10_000, 1_000);

        assertThat(stall.remaining(8_500)).isZero();
        assertThat(stall.remaining(9_000)).isEqualTo(1_000);
        assertThat(stall.remaining(9_750)).isEqualTo(250);
        assertThat(stall.remaining(10_000)).isZero();
        assertThat(stall.remaining(19_500)).isEqualTo(500);
    }

    @Test
    void answersExactlyTheConfiguredFractionWith500EvenUnderConcurrency() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT.withErrorRate(0.1));

        List<Integer> statuses = sendConcurrently(8, 25, "/checkout");

        assertThat(statuses).hasSize(200);
        assertThat(statuses.stream().filter(s -> s == 500).count()).isEqualTo(20);
        assertThat(server.counters().errors()).isEqualTo(20);
        assertThat(server.counters().requests()).isEqualTo(200);
    }

    @Test
    void answersHeadWithTheBodyLengthButNoBody() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT.withBodySize(300));

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/item")).HEAD());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(300);
        assertThat(response.body()).isEmpty();
        assertThat(server.counters().requestsByMethod()).isEqualTo(Map.of("HEAD", 1L));
    }

    @Test
    void countsTheRequestBodyBytesOfFixedLengthAndChunkedUploads() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT);

        send(HttpRequest.newBuilder(uri("/upload")).POST(BodyPublishers.ofByteArray(new byte[1000])));
        send(HttpRequest.newBuilder(uri("/upload")).POST(BodyPublishers.noBody()));
        send(HttpRequest.newBuilder(uri("/upload"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[70_000]))));

        assertThat(server.counters().requestBodyBytes()).isEqualTo(71_000);
        assertThat(server.counters().requestsByMethod()).isEqualTo(Map.of("POST", 3L));
    }

    @Test
    void countsAsMatchingOnlyTheRequestsWithExactlyTheHeaderValueAndTheBody() throws Exception {
        String token = "Bearer t0k-e2e";
        String body = "{\"user\":\"a\",\"password\":\"p\"}";
        server = TargetServer.start(TargetConfig.DEFAULT.withMatch(RequestMatch.of("Authorization", token, body)));

        for (int i = 0; i < 3; i++) {
            send(login().header("authorization", token).POST(BodyPublishers.ofString(body)));
        }
        send(login().header("Authorization", token + "x").POST(BodyPublishers.ofString(body)));
        send(login().header("Authorization", token).header("Authorization", token).POST(BodyPublishers.ofString(body)));
        send(login().POST(BodyPublishers.ofString(body)));
        send(login().header("Authorization", token).POST(BodyPublishers.ofString(body + " ")));
        send(login().header("Authorization", token).POST(BodyPublishers.ofString(body.substring(1))));
        send(login().header("Authorization", token).POST(BodyPublishers.noBody()));
        send(login().header("Authorization", token).POST(BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream((body + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8)))));

        assertThat(server.counters().matching()).isEqualTo(3);
        assertThat(server.counters().requests()).isEqualTo(10);
        assertThat(server.counters().requestBodyBytes()).isEqualTo(9L * body.length() + 70_000);

        server.reset();
        assertThat(server.counters().matching()).isZero();
    }

    @Test
    void countsNothingAsMatchingWithoutAMatch() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT);

        send(login().header("Authorization", "x").POST(BodyPublishers.ofString("x")));

        assertThat(server.counters().requests()).isEqualTo(1);
        assertThat(server.counters().matching()).isZero();
    }

    @Test
    void resetZeroesTheCountsAndTheSequence() throws Exception {
        server = TargetServer.start(TargetConfig.DEFAULT.withErrorRate(0.5));
        send(HttpRequest.newBuilder(uri("/a")).GET());

        server.reset();

        assertThat(server.counters().requests()).isZero();
        assertThat(server.counters().requestsByPath()).isEmpty();
        assertThat(send(HttpRequest.newBuilder(uri("/a")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/a")).GET()).statusCode()).isEqualTo(500);
    }

    @Test
    void listensOnlyOnLoopbackAddresses() throws Exception {
        assertThatThrownBy(() -> TargetServer.start(InetAddress.getByName("0.0.0.0"), 0, TargetConfig.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);

        server = TargetServer.start(InetAddress.getByName("127.0.0.1"), 0, TargetConfig.DEFAULT);
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(send(HttpRequest.newBuilder(uri("/")).GET()).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder login() {
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/json");
    }

    private URI uri(String pathAndQuery) {
        return server.baseUri().resolve(pathAndQuery);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<Integer> sendConcurrently(int users, int requestsEach, String path) throws Exception {
        List<Future<List<Integer>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                futures.add(executor.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < requestsEach; i++) {
                        statuses.add(send(HttpRequest.newBuilder(uri(path)).GET()).statusCode());
                    }
                    return statuses;
                }));
            }
        }
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> future : futures) {
            all.addAll(future.get());
        }
        return all;
    }
}
