package dev.dlt.agent.engine.nativehttp;

import org.junit.jupiter.api.Test;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keep-alive: one connection per user and origin, reused until the server ends it. */
class ConnectionReuseTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void keepsOneConnectionPerUserAlive() throws Exception {
        try (TestHttpServer server = TestHttpServer.start(request -> TestReply.ok("x"))) {
            engine.run(plan(3, millis(500), get("a", server.uri("/"))), sink);

            assertThat(server.connectionsOpened()).isEqualTo(3);
            assertThat(server.requests()).hasSizeGreaterThan(3);
            assertThat(sink.samples()).filteredOn(s -> s.connectMicros() > 0).hasSizeLessThanOrEqualTo(3);
            await().untilAsserted(() -> assertThat(server.connectionsOpen()).isZero());
        }
    }

    @Test
    void keepsOneConnectionPerUserToEachOrigin() throws Exception {
        try (TestHttpServer one = TestHttpServer.start(request -> TestReply.ok("1"));
             TestHttpServer two = TestHttpServer.start(request -> TestReply.ok("22"))) {
            engine.run(plan(2, millis(500), get("one", one.uri("/")), get("two", two.uri("/"))), sink);

            assertThat(one.connectionsOpened()).isEqualTo(2);
            assertThat(two.connectionsOpened()).isEqualTo(2);
            assertThat(sink.samples()).hasSize(one.requests().size() + two.requests().size()).allMatch(s -> s.success());
        }
    }

    @Test
    void reconnectsWhenTheServerSaysConnectionClose() throws Exception {
        TestReply reply = TestReply.raw("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 2\r\n\r\nok", true);
        try (TestHttpServer server = TestHttpServer.start(request -> reply)) {
            engine.run(plan(1, millis(300), get("close", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).allMatch(s -> s.success() && s.connectMicros() > 0);
            assertThat(server.connectionsOpened()).isEqualTo(server.requests().size()).isGreaterThan(1);
        }
    }

    @Test
    void keepsAnHttp10ConnectionOnlyWhenTheServerOffersKeepAlive() throws Exception {
        TestReply reply = TestReply.raw("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", false);
        try (TestHttpServer server = TestHttpServer.start(request -> reply)) {
            engine.run(plan(1, millis(300), get("http10", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).hasSizeGreaterThan(1).allMatch(s -> s.success());
            assertThat(server.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void retriesOnceWhenAKeptAliveConnectionWasClosedWhileIdle() throws Exception {
        // answers as if it kept the connection, then closes it without saying so
        TestReply sneaky = TestReply.raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true);
        try (TestHttpServer server = TestHttpServer.start(request -> sneaky)) {
            engine.run(plan(1, millis(300), get("sneaky", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).hasSizeGreaterThan(1)
                    .allMatch(s -> s.success() && s.connectMicros() > 0);
        }
    }
}
