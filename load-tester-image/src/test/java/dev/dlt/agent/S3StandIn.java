package dev.dlt.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Just enough of the S3 REST API (path-style GET and PUT of objects in memory) for an agent in a
 * child JVM to read its scenario and write its results through the real AWS SDK client.
 */
final class S3StandIn implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    S3StandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void put(String bucket, String key, byte[] content) {
        objects.put(bucket + "/" + key, content);
    }

    Optional<byte[]> get(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(1); // bucket/key
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    byte[] body = objects.get(path);
                    if (body == null) {
                        reply(exchange, 404, "<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>"
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        reply(exchange, 200, body);
                    }
                }
                case "PUT" -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                    String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
                    if ((encoding != null && encoding.contains("aws-chunked")) || (sha != null && sha.startsWith("STREAMING-"))) {
                        body = unchunk(body);
                    }
                    objects.put(path, body);
                    exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
                    reply(exchange, 200, new byte[0]);
                }
                default -> reply(exchange, 405, new byte[0]);
            }
        }
    }

    /** Decodes aws-chunked: hex size[;chunk-signature=...]\r\n data \r\n ... 0\r\n (trailers)\r\n. */
    private static byte[] unchunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        while (true) {
            String header = line(in);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
