package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.scenario.HttpRequestSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.dlt.agent.engine.nativehttp.Plans.get;
import static dev.dlt.agent.engine.nativehttp.Plans.millis;
import static dev.dlt.agent.engine.nativehttp.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;

class ResponseFramingTest {

    private final NativeHttpEngine engine = new NativeHttpEngine();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void readsContentLengthBodies() throws Exception {
        TestReply reply = TestReply.ok("x".repeat(300_000));
        try (TestHttpServer server = TestHttpServer.start(request -> reply)) {
            engine.run(plan(2, millis(300), get("cl", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size())
                    .allMatch(s -> s.success() && s.bytes() == reply.length());
            assertThat(server.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws Exception {
        TestReply reply = TestReply.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "5\r\nhello\r\n1;ext=1\r\n \r\nA \r\n0123456789\r\n" + "2710\r\n" + "y".repeat(10_000) + "\r\n"
                + "0\r\nX-Checksum: 42\r\nX-Other: y\r\n\r\n", false);
        try (TestHttpServer server = TestHttpServer.start(request -> reply)) {
            engine.run(plan(1, millis(300), get("chunked", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).hasSizeGreaterThan(1)
                    .allMatch(s -> s.success() && s.bytes() == reply.length());
            assertThat(server.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void readsBodiesWithoutFramingToEndOfStreamAndReconnects() throws Exception {
        TestReply reply = TestReply.raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + "z".repeat(20_000), true);
        try (TestHttpServer server = TestHttpServer.start(request -> reply)) {
            engine.run(plan(1, millis(300), get("eof", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).hasSizeGreaterThan(1)
                    .allMatch(s -> s.success() && s.bytes() == reply.length() && s.connectMicros() > 0);
            assertThat(server.connectionsOpened()).isEqualTo(server.requests().size());
        }
    }

    @Test
    void expectsNoBodyForHeadNoContentNotModifiedAndSkipsInterimResponses() throws Exception {
        Map<String, TestReply> replies = Map.of(
                "/head", TestReply.raw("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n", false),
                "/204", TestReply.raw("HTTP/1.1 204 No Content\r\n\r\n", false),
                "/304", TestReply.raw("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", false),
                "/103", TestReply.raw("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", false));
        try (TestHttpServer server = TestHttpServer.start(request -> replies.get(request.target()))) {
            HttpRequestSpec head = new HttpRequestSpec("head", server.uri("/head"), "HEAD", Map.of(), null);
            engine.run(plan(1, millis(300), head, get("204", server.uri("/204")), get("304", server.uri("/304")),
                    get("103", server.uri("/103"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).hasSizeGreaterThan(4).allSatisfy(s -> {
                assertThat(s.success()).isTrue();
                assertThat(s.bytes()).isEqualTo(replies.get("/" + s.label()).length());
            });
            assertThat(sink.samples()).filteredOn(s -> s.label().equals("103")).allMatch(s -> s.responseCode().equals("200"));
            assertThat(server.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void parsesResponsesThatArriveOneByteAtATime() throws Exception {
        TestReply reply = TestReply.raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n", false);
        try (TestHttpServer server = TestHttpServer.start(request -> reply.trickled())) {
            engine.run(plan(1, millis(300), get("slow", server.uri("/"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).isNotEmpty()
                    .allMatch(s -> s.success() && s.bytes() == reply.length());
            assertThat(server.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void acceptsLargeHeadersButFailsTheSampleBeyondTheLimit() throws Exception {
        TestReply big = TestReply.raw("HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(40_000) + "\r\nContent-Length: 0\r\n\r\n", false);
        TestReply huge = TestReply.raw("HTTP/1.1 200 OK\r\nX-Huge: " + "h".repeat(70_000) + "\r\n\r\n", false);
        try (TestHttpServer server = TestHttpServer.start(r -> r.target().equals("/big") ? big : huge)) {
            engine.run(plan(1, millis(300), get("big", server.uri("/big")), get("huge", server.uri("/huge"))), sink);

            assertThat(sink.samples()).hasSize(server.requests().size()).hasSizeGreaterThan(2);
            assertThat(sink.samples()).filteredOn(s -> s.label().equals("big"))
                    .allMatch(s -> s.success() && s.bytes() == big.length());
            assertThat(sink.samples()).filteredOn(s -> s.label().equals("huge"))
                    .allMatch(s -> !s.success() && s.responseCode().equals("HeaderTooLargeException"));
        }
    }
}
