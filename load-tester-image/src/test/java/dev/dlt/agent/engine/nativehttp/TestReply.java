package dev.dlt.agent.engine.nativehttp;

import java.nio.charset.StandardCharsets;

/**
 * The raw bytes a {@link TestHttpServer} answers with, whether it closes the connection after them,
 * and whether it writes them one byte at a time.
 */
record TestReply(byte[] bytes, boolean close, boolean trickle) {

    static TestReply ok(String body) {
        return status(200, "OK", body);
    }

    static TestReply status(int code, String reason, String body) {
        return raw("HTTP/1.1 " + code + " " + reason + "\r\nContent-Length: " + utf8(body).length
                + "\r\nContent-Type: text/plain\r\n\r\n" + body, false);
    }

    static TestReply raw(String response, boolean closeAfter) {
        return new TestReply(utf8(response), closeAfter, false);
    }

    /** Answers nothing: the connection stays open and silent. */
    static TestReply silence() {
        return new TestReply(null, false, false);
    }

    TestReply trickled() {
        return new TestReply(bytes, close, true);
    }

    int length() {
        return bytes.length;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
