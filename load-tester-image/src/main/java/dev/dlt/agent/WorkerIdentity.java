package dev.dlt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A worker's id: {@code DLT_WORKER_ID} when the launcher could set it (pods), else the ECS task id
 * from the task metadata endpoint, since one RunTask call starts up to 10 tasks with the same
 * environment and only the task itself knows which one it is.
 */
final class WorkerIdentity {

    static final String ECS_METADATA = "ECS_CONTAINER_METADATA_URI_V4";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    private WorkerIdentity() {
    }

    static String resolve(AgentConfig config) {
        Optional<String> explicit = config.optional(AgentConfig.WORKER_ID);
        if (explicit.isPresent() || config.leader()) {
            return config.workerId();
        }
        String metadata = config.optional(ECS_METADATA).orElseThrow(() -> new IllegalArgumentException(
                "environment variable " + AgentConfig.WORKER_ID + " is not set and this is not an ECS task (" + ECS_METADATA + " unset)"));
        return taskId(metadata);
    }

    private static String taskId(String metadataUri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(metadataUri + "/task")).timeout(Duration.ofSeconds(2)).GET().build();
        String problem = "no answer";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode arn = JSON.readTree(response.body()).path("TaskARN");
                    if (arn.isTextual() && arn.asText().contains("/")) {
                        return arn.asText().substring(arn.asText().lastIndexOf('/') + 1);
                    }
                    problem = "no TaskARN in " + response.body();
                } else {
                    problem = "HTTP " + response.statusCode();
                }
            } catch (IOException e) {
                problem = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalArgumentException("cannot learn the ECS task id from " + metadataUri + "/task: " + problem);
    }
}
