package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.EngineReport;
import dev.dlt.agent.engine.nativehttp.RecordingSink.Sample;
import dev.dlt.agent.scenario.HttpRequestSpec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeHttpEngineTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void recordsOneSamplePerRequestTheServerSaw() throws Exception {
        TestReply reply = TestReply.ok("hello");
        try (TestHttpServer server = TestHttpServer.start(request -> reply)) {
            EngineReport report = engine.run(plan(4, millis(700), get("home", server.uri("/"))), sink);

            assertThat(report.stoppedEarly()).isFalse();
            assertThat(report.maxConcurrency()).isEqualTo(4);
            assertThat(report.finishedAt()).isAfter(report.startedAt());
            assertThat(sink.samples()).isNotEmpty().hasSize(server.requests().size());
            assertThat(sink.samples()).allSatisfy(sample -> {
                assertThat(sample.label()).isEqualTo("home");
                assertThat(sample.responseCode()).isEqualTo("200");
                assertThat(sample.success()).isTrue();
                assertThat(sample.bytes()).isEqualTo(reply.length());
                assertThat(sample.latencyMicros()).isBetween(sample.connectMicros(), sample.responseTimeMicros());
            });
        }
    }

    @Test
    void sendsMethodTargetHeadersAndBodyIntact() throws Exception {
        String body = "{\"name\":\"zoë\",\"n\":1}";
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.status(201, "Created", ""))) {
            HttpRequestSpec post = new HttpRequestSpec("create", server.uri("/items?tag=a%20b&x=1"), "post",
                    Map.of("Content-Type", "application/json", "X-Trace", "abc 123", "Content-Length", "999"), body);
            engine.run(plan(1, millis(200), post), sink);

            ReceivedRequest first = server.requests().getFirst();
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.target()).isEqualTo("/items?tag=a%20b&x=1");
            assertThat(first.headers())
                    .containsEntry("host", "127.0.0.1:" + server.port())
                    .containsEntry("content-type", "application/json")
                    .containsEntry("x-trace", "abc 123")
                    .containsEntry("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))
                    .containsEntry("connection", "keep-alive")
                    .containsEntry("user-agent", PreparedRequest.USER_AGENT);
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(body);
            assertThat(sink.samples()).isNotEmpty().allMatch(s -> s.responseCode().equals("201") && s.success());
        }
    }

    @Test
    void recordsServerErrorsAsFailedSamplesWithTheirStatus() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(
                request -> TestReply.status(500, "Internal Server Error", "boom"))) {
            engine.run(plan(1, millis(200), get("err", server.uri("/"))), sink);

            assertThat(sink.samples()).isNotEmpty().allSatisfy(sample -> {
                assertThat(sample.responseCode()).isEqualTo("500");
                assertThat(sample.success()).isFalse();
            });
            assertThat(server.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void oneUserCyclesThroughTheRequestsInOrder() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok(request.target()))) {
            engine.run(plan(1, millis(300),
                    get("first", server.uri("/1")), get("second", server.uri("/2")), get("third", server.uri("/3"))), sink);

            List<String> labels = sink.samples().stream().map(Sample::label).toList();
            assertThat(labels).hasSizeGreaterThan(6);
            for (int i = 0; i < labels.size(); i++) {
                assertThat(labels.get(i)).isEqualTo(List.of("first", "second", "third").get(i % 3));
                assertThat(server.requests().get(i).target()).isEqualTo("/" + (i % 3 + 1));
            }
        }
    }

    @Test
    void rejectsAPlanItCannotSendBeforeStartingLoad() {
        URI ftp = URI.create("ftp://127.0.0.1/file");
        assertThatThrownBy(() -> engine.run(plan(1, millis(100), get("ftp", ftp)), sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThat(sink.samples()).isEmpty();
    }

    @Test
    void failsTheRunWhenTheSinkThrows() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            assertThatThrownBy(() -> engine.run(plan(2, millis(60_000), get("a", server.uri("/"))),
                    (label, rt, latency, connect, bytes, code, ok) -> {
                        throw new IllegalStateException("results store closed");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("results store closed");
        }
    }
}
