package dev.dlt.agent.engine.nativehttp;

import dev.dlt.agent.scenario.HttpRequestSpec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedRequestTest {

    @Test
    void encodesAGetWithTheDefaultPortLeftOutOfTheHostHeader() {
        assertThat(wire(spec("http://example.com/a/b?q=1#frag", "GET", Map.of(), null))).isEqualTo(
                "GET /a/b?q=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: " + PreparedRequest.USER_AGENT
                        + "\r\nConnection: keep-alive\r\n\r\n");
        assertThat(wire(spec("https://example.com", "GET", Map.of(), null))).startsWith(
                "GET / HTTP/1.1\r\nHost: example.com\r\n");
        assertThat(wire(spec("https://example.com:8443/", "GET", Map.of(), null))).contains("Host: example.com:8443\r\n");
    }

    @Test
    void bracketsIpv6HostsInTheHeaderButNotInTheAddress() {
        Origin origin = Origin.of(URI.create("http://[::1]:8080/"));
        assertThat(origin.host()).isEqualTo("::1");
        assertThat(origin.hostHeader()).isEqualTo("[::1]:8080");
    }

    @Test
    void letsTheSpecSetHostAndUserAgentButNotFraming() {
        String wire = wire(spec("http://example.com/", "PUT",
                Map.of("Host", "api.internal", "User-Agent", "mine", "Transfer-Encoding", "chunked",
                        "Connection", "close"), null));
        assertThat(wire).contains("Host: api.internal\r\n", "User-Agent: mine\r\n", "Content-Length: 0\r\n",
                        "Connection: keep-alive\r\n")
                .doesNotContain("Host: example.com", PreparedRequest.USER_AGENT, "chunked", "close");
    }

    @Test
    void appendsTheUtf8BodyAfterItsLength() {
        String wire = wire(spec("http://example.com/", "POST", Map.of(), "é"));
        assertThat(wire).endsWith("Content-Length: 2\r\nConnection: keep-alive\r\n\r\né");
    }

    @Test
    void marksHeadRequests() {
        assertThat(PreparedRequest.of(spec("http://example.com/", "head", Map.of(), null), 0,
                Origin.of(URI.create("http://example.com/"))).head()).isTrue();
    }

    @Test
    void rejectsWhatWouldCorruptTheRequest() {
        assertThatThrownBy(() -> wire(spec("http://example.com/", "GET", Map.of("X-Evil", "a\r\nInjected: 1"), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wire(spec("http://example.com/", "GET", Map.of("Bad Name", "v"), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wire(spec("http://example.com/", "GE T", Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.of(URI.create("ftp://example.com/")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.of(URI.create("http:/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpRequestSpec spec(String url, String method, Map<String, String> headers, String body) {
        return new HttpRequestSpec("label", URI.create(url), method, headers, body);
    }

    private static String wire(HttpRequestSpec spec) {
        byte[] bytes = PreparedRequest.of(spec, 0, Origin.of(spec.url())).bytes();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
