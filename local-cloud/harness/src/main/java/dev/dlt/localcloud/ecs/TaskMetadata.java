package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;

/**
 * The task metadata endpoint v4 of the emulator's tasks: {@code GET <ECS_CONTAINER_METADATA_URI_V4>}
 * answers the container, {@code .../task} the task (with its {@code TaskARN}), as Fargate does.
 */
final class TaskMetadata implements HttpHandler {

    static final String PATH = "/v4/";

    private final ObjectMapper json;
    private final TaskJson describe;
    private final TaskOperations tasks;

    TaskMetadata(ObjectMapper json, TaskOperations tasks) {
        this.json = json;
        this.describe = new TaskJson(json);
        this.tasks = tasks;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
            Optional<EmulatedTask> task = parts.length == 0 ? Optional.empty() : tasks.task(parts[0]);
            ObjectNode answer = null;
            if (task.isPresent() && parts.length == 1) {
                answer = describe.containerMetadata(task.get());
            } else if (task.isPresent() && parts.length == 2 && "task".equals(parts[1])) {
                answer = describe.taskMetadata(task.get());
            }
            byte[] body = answer == null ? new byte[0] : json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, answer == null ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
