package dev.dlt.localcloud.kube.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dlt.localcloud.ManifestUrls;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The Kubernetes API as kubectl needs it, in front of the mock API server: discovery, server-side
 * Tables with each resource's printer columns, field selectors and HTTP streaming watches; every other
 * request passes through to the mock server unchanged.
 */
public final class ApiGateway implements AutoCloseable {

    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "api-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI mock;
    private final ObjectMapper json = new ObjectMapper();
    private final ApiCatalog catalog;
    private final ServerTable tables = new ServerTable(json, Clock.systemUTC());
    private volatile boolean open = true;

    private ApiGateway(HttpServer server, URI mock, List<CustomResourceDefinition> crds) {
        this.server = server;
        this.mock = mock;
        this.catalog = new ApiCatalog(json, crds);
    }

    /** Starts on a free port of 127.0.0.1, passing requests on to the mock server at {@code mock}. */
    public static ApiGateway start(URI mock, List<CustomResourceDefinition> crds) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ApiGateway gateway = new ApiGateway(server, mock, crds);
        server.setExecutor(gateway.threads);
        server.createContext("/", gateway::handle);
        server.start();
        return gateway;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean get = exchange.getRequestMethod().equals("GET");
            Optional<JsonNode> discovery = get ? catalog.discovery(path).map(JsonNode.class::cast) : Optional.empty();
            if (discovery.isPresent()) {
                reply(exchange, 200, json.writeValueAsBytes(discovery.get()));
            } else if (get && path.equals("/version")) {
                reply(exchange, 200, json.writeValueAsBytes(Map.of("major", "1", "minor", "32", "gitVersion", "v1.32.0-dlt-local",
                        "platform", "linux/amd64")));
            } else if (get && catalog.openApiV3(path).isPresent()) {
                reply(exchange, 200, json.writeValueAsBytes(catalog.openApiV3(path).get()));
            } else if (path.startsWith("/openapi/")) {
                reply(exchange, 404, json.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                        "reason", "NotFound", "message", "the local API server serves no OpenAPI v2 document", "code", 404)));
            } else if (get && ("true".equals(query.get("watch")) || "1".equals(query.get("watch")))) {
                watch(exchange, path, query);
            } else if (String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("protobuf")) {
                reply(exchange, 415, json.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                        "reason", "UnsupportedMediaType", "message", "the local API server reads JSON and YAML, not protobuf: "
                                + "write the object to a file and kubectl apply -f it", "code", 415)));
            } else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (get || !refusedLoad(path, body, exchange)) {
                    pass(exchange, path, query, get, body);
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            // a broken request must not take the gateway down; kubectl shows the status
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            try {
                reply(exchange, 500, json.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                        "message", "local API gateway: " + e, "code", 500)));
            } catch (IOException | RuntimeException alreadySent) {
                // the response had started: the client sees a broken stream
            }
        }
    }

    /**
     * Refuses (422, nothing stored) a LoadTest or ConfigMap written with a URL that is not loopback: the local
     * cloud never sends load off this machine, whoever applies it.
     */
    private boolean refusedLoad(String path, byte[] body, HttpExchange exchange) throws IOException {
        Optional<ApiResourcePath> target = ApiResourcePath.parse(path);
        if (target.isEmpty() || !List.of("loadtests", "configmaps").contains(target.get().plural())) {
            return false;
        }
        List<String> outside = ManifestUrls.in(new String(body, StandardCharsets.UTF_8)).notLoopback();
        if (outside.isEmpty()) {
            return false;
        }
        reply(exchange, 422, json.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                "reason", "Invalid", "code", 422, "message", "the local cloud only sends load to loopback addresses (127.0.0.0/8, ::1); "
                        + "not loopback: " + String.join("; ", outside))));
        return true;
    }

    private void pass(HttpExchange exchange, String path, Map<String, String> query, boolean get, byte[] requestBody) throws IOException, InterruptedException {
        FieldSelector fields = FieldSelector.parse(query.remove("fieldSelector"));
        HttpResponse<byte[]> response = forward(exchange.getRequestMethod(), path, query, exchange.getRequestHeaders().getFirst("Content-Type"),
                requestBody);
        byte[] body = response.body();
        Optional<ApiResourcePath> resourcePath = ApiResourcePath.parse(path);
        if (get && response.statusCode() == 200 && resourcePath.isPresent() && resourcePath.get().subresource() == null) {
            JsonNode node = json.readTree(body);
            if (node.has("items") && !fields.terms().isEmpty()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node.get("items")).removeIf(item -> !fields.matches(item));
            }
            Optional<ApiResource> resource = catalog.find(resourcePath.get().group(), resourcePath.get().version(), resourcePath.get().plural());
            if (node.has("items") && "List".equals(node.path("kind").asText()) && resource.isPresent()) {
                // typed clients (kubectl describe's events) only decode the list kind, EventList, not a plain List
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("kind", resource.get().kind() + "List")
                        .put("apiVersion", resource.get().groupVersion());
            }
            if (ServerTable.wanted(exchange.getRequestHeaders().getFirst("Accept")) && resource.isPresent()) {
                node = tables.of(resource.get(), node, query.get("includeObject"));
            }
            body = json.writeValueAsBytes(node);
        }
        reply(exchange, response.statusCode(), body);
    }

    HttpResponse<byte[]> forward(String method, String path, Map<String, String> query, String contentType, byte[] body)
            throws IOException, InterruptedException {
        String rawQuery = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.toString().replaceAll("/+$", "") + path
                        + (rawQuery.isEmpty() ? "" : "?" + rawQuery)))
                .timeout(Duration.ofSeconds(30)).header("Accept", JSON)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An HTTP streaming watch (what kubectl uses; the mock server only streams over WebSockets), by polling the mock server. */
    private void watch(HttpExchange exchange, String path, Map<String, String> query) throws IOException, InterruptedException {
        Optional<ApiResourcePath> resourcePath = ApiResourcePath.parse(path);
        Optional<ApiResource> resource = resourcePath.flatMap(p -> catalog.find(p.group(), p.version(), p.plural()));
        if (resource.isEmpty()) {
            reply(exchange, 404, json.writeValueAsBytes(Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                    "message", "no such resource: " + path, "code", 404)));
            return;
        }
        boolean table = ServerTable.wanted(exchange.getRequestHeaders().getFirst("Accept"));
        ApiWatch watch = new ApiWatch(() -> list(resourcePath.get(), query), query.get("resourceVersion"));
        String named = FieldSelector.parse(query.get("fieldSelector")).equalTo("metadata.name").orElse(resourcePath.get().name());
        long timeoutSeconds = query.containsKey("timeoutSeconds") ? Long.parseLong(query.get("timeoutSeconds")) : 1800;
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean first = true;
        while (open && System.nanoTime() < deadline) {
            List<ApiWatch.Event> events = watch.poll();
            if (first && named != null && watch.seen().isEmpty() && query.containsKey("resourceVersion")) {
                // the object the client listed is already gone, and a poll cannot say when it went: ending the
                // watch makes the client list again and see that (kubectl delete waits this way)
                return;
            }
            first = false;
            for (ApiWatch.Event event : events) {
                JsonNode object = table ? tables.of(resource.get(), event.object(), query.get("includeObject")) : event.object();
                out.write(json.writeValueAsBytes(Map.of("type", event.type(), "object", object)));
                out.write('\n');
                out.flush();
            }
            Thread.sleep(400);
        }
    }

    private List<JsonNode> list(ApiResourcePath path, Map<String, String> query) {
        Map<String, String> listQuery = new LinkedHashMap<>();
        if (query.containsKey("labelSelector")) {
            listQuery.put("labelSelector", query.get("labelSelector"));
        }
        FieldSelector fields = FieldSelector.parse(query.get("fieldSelector"));
        String collection = path.collectionPath();
        try {
            HttpResponse<byte[]> response = forward("GET", collection, listQuery, null, new byte[0]);
            if (response.statusCode() != 200) {
                throw new IOException("GET " + collection + ": HTTP " + response.statusCode());
            }
            List<JsonNode> items = new java.util.ArrayList<>();
            json.readTree(response.body()).path("items").forEach(item -> {
                if (fields.matches(item) && (path.name() == null || path.name().equals(item.path("metadata").path("name").asText()))) {
                    items.add(item);
                }
            });
            return items;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty()) {
                    String[] parts = pair.split("=", 2);
                    query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? parts[1] : "");
                }
            }
        }
        return query;
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        open = false;
        server.stop(0);
        threads.shutdownNow();
        upstream.close();
    }
}
