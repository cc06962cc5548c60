package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.engine.EngineReport;
import dev.dlt.agent.scenario.LoadProfile;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

class FailedRequestTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void reportsARefusedConnectionAsConnectExceptionAndBacksOff() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = probe.getLocalPort();
        }
        engine.run(plan(1, millis(500), get("down", URI.create("http://127.0.0.1:" + port + "/"))), sink);

        assertThat(sink.samples()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.responseCode()).isEqualTo("ConnectException");
            assertThat(s.success()).isFalse();
            assertThat(s.connectMicros()).isZero();
        });
        // 500 ms with a 10 ms pause after each failure
        assertThat(sink.samples()).hasSizeLessThanOrEqualTo(51);
    }

    @Test
    void timesOutAServerThatNeverAnswers() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.silence())) {
            LoadProfile load = new LoadProfile(2, Duration.ZERO, millis(100), millis(400));
            long before = System.nanoTime();
            EngineReport report = engine.run(plan(load, get("silent", server.uri("/"))), sink);
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(report.stoppedEarly()).isFalse();
            assertThat(took).isGreaterThanOrEqualTo(millis(400)).isLessThan(Duration.ofSeconds(4));
            assertThat(sink.samples()).hasSize(2).allSatisfy(s -> {
                assertThat(s.responseCode()).isEqualTo("SocketTimeoutException");
                assertThat(s.success()).isFalse();
                assertThat(s.responseTimeMicros()).isGreaterThanOrEqualTo(400_000);
                assertThat(s.bytes()).isZero();
            });
        }
    }

    @Test
    void failsTheSampleWhenTheConnectionClosesMidBody() throws Exception {
        TestReply truncated = TestReply.raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..", true);
        try (TestHttpServer server = TestHttpServer.start(request -> truncated)) {
            engine.run(plan(1, millis(200), get("cut", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.responseCode()).isEqualTo("EOFException");
                assertThat(s.success()).isFalse();
                assertThat(s.bytes()).isEqualTo(truncated.length());
            });
        }
    }

    @Test
    void failsTheSampleOnAMalformedStatusLine() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.raw("ICY 200 OK\r\n\r\n", true))) {
            engine.run(plan(1, millis(200), get("bad", server.uri("/"))), sink);

            assertThat(sink.samples()).isNotEmpty()
                    .allMatch(s -> !s.success() && s.responseCode().equals("ProtocolException"));
        }
    }
}
