package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ECS JSON 1.1 wire protocol: {@code POST /} with {@code X-Amz-Target:
 * AmazonEC2ContainerServiceV20141113.<Operation>}, JSON in and out, errors as HTTP 400/500 with
 * {@code {"__type": "...#Type", "message": "..."}}, which the AWS SDK turns into its exception classes.
 */
final class EcsProtocol implements HttpHandler {

    static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([a-z0-9-]+)/ecs/aws4_request");
    private static final Logger LOG = Logger.getLogger(EcsProtocol.class.getName());

    private final ObjectMapper json;
    private final EcsRegistry registry;
    private final TaskOperations tasks;

    EcsProtocol(ObjectMapper json, EcsRegistry registry, TaskOperations tasks) {
        this.json = json;
        this.registry = registry;
        this.tasks = tasks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode answer;
            int status = 200;
            try {
                answer = dispatch(exchange);
            } catch (EcsError e) {
                status = e.status();
                answer = error(e.type(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "ECS emulator failed on " + exchange.getRequestHeaders().getFirst("X-Amz-Target"), e);
                status = 500;
                answer = error("ServerException", String.valueOf(e.getMessage()));
            }
            byte[] body = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new EcsError("UnknownOperationException", "expected a POST with X-Amz-Target " + TARGET_PREFIX + "<Operation>", 400);
        }
        JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
        if (request == null || request.isMissingNode()) {
            request = json.createObjectNode();
        }
        String region = region(exchange.getRequestHeaders().getFirst("Authorization"));
        return switch (target.substring(TARGET_PREFIX.length())) {
            case "RunTask" -> tasks.runTask(region, request);
            case "DescribeTasks" -> tasks.describeTasks(region, request);
            case "ListTasks" -> tasks.listTasks(region, request);
            case "StopTask" -> tasks.stopTask(region, request);
            case "DescribeClusters" -> registry.describeClusters(region, request, tasks.tasks().stream()
                    .filter(EmulatedTask::running).collect(Collectors.groupingBy(t -> t.clusterArn, Collectors.counting())));
            case "DescribeTaskDefinition" -> registry.describeTaskDefinition(region, request);
            default -> throw new EcsError("UnknownOperationException", "the ECS emulator does not implement " + target, 400);
        };
    }

    /** The region a request was signed for, from {@code Credential=AKID/20250101/us-west-2/ecs/aws4_request}. */
    static String region(String authorization) {
        Matcher matcher = authorization == null ? null : SCOPE.matcher(authorization);
        return matcher != null && matcher.find() ? matcher.group(1) : "us-east-1";
    }

    private ObjectNode error(String type, String message) {
        // the SDK takes the error code from __type (after any '#') and the text from "message"
        return json.createObjectNode().put("__type", "com.amazonaws.ecs#" + type).put("message", message);
    }
}
