package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The emulator's clusters and task definitions, per region, and the two operations that describe them. */
final class EcsRegistry {

    static final String ACCOUNT = "000000000000";

    private final ObjectMapper json;
    private final Map<String, String> clusters = new HashMap<>(); // "region/name" -> ARN
    private final Map<String, List<RegisteredTaskDefinition>> definitions = new HashMap<>(); // "region/family" -> revisions

    EcsRegistry(ObjectMapper json) {
        this.json = json;
    }

    synchronized String registerCluster(String region, String name) {
        return clusters.computeIfAbsent(region + "/" + name, k -> "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + name);
    }

    synchronized String registerTaskDefinition(String region, TaskDefinitionSpec spec) {
        List<RegisteredTaskDefinition> revisions = definitions.computeIfAbsent(region + "/" + spec.family(), k -> new ArrayList<>());
        int revision = revisions.size() + 1;
        String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + spec.family() + ":" + revision;
        revisions.add(new RegisteredTaskDefinition(arn, region, revision, spec));
        return arn;
    }

    /** The ARN of the cluster a request names (by name or ARN; {@code default} when it names none). */
    synchronized String cluster(String region, JsonNode request) {
        String name = Optional.ofNullable(EcsJson.text(request, "cluster")).orElse("default");
        String arn = clusters.get(region + "/" + name.substring(name.lastIndexOf('/') + 1));
        if (arn == null) {
            throw EcsError.clusterNotFound();
        }
        return arn;
    }

    /** A task definition by family (latest revision), {@code family:revision} or ARN. */
    synchronized Optional<RegisteredTaskDefinition> definition(String region, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String name = reference.startsWith("arn:") ? reference.substring(reference.lastIndexOf('/') + 1) : reference;
        String family = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        List<RegisteredTaskDefinition> revisions = definitions.getOrDefault(region + "/" + family, List.of());
        if (!name.contains(":")) {
            return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.getLast());
        }
        return revisions.stream().filter(d -> d.familyRevision().equals(name)).findFirst();
    }

    /** DescribeClusters; {@code running} holds the running tasks per cluster ARN. */
    synchronized ObjectNode describeClusters(String region, JsonNode request, Map<String, Long> running) {
        ObjectNode response = json.createObjectNode();
        ArrayNode found = response.putArray("clusters");
        ArrayNode failures = response.putArray("failures");
        List<String> wanted = new ArrayList<>();
        request.path("clusters").forEach(n -> wanted.add(n.asText()));
        if (wanted.isEmpty()) {
            wanted.add("default");
        }
        for (String name : wanted) {
            String arn = clusters.get(region + "/" + name.substring(name.lastIndexOf('/') + 1));
            if (arn == null) {
                failures.addObject().put("arn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + name).put("reason", "MISSING");
            } else {
                found.addObject().put("clusterArn", arn).put("clusterName", arn.substring(arn.lastIndexOf('/') + 1))
                        .put("status", "ACTIVE").put("runningTasksCount", running.getOrDefault(arn, 0L)).put("pendingTasksCount", 0)
                        .put("activeServicesCount", 0).put("registeredContainerInstancesCount", 0);
            }
        }
        return response;
    }

    ObjectNode describeTaskDefinition(String region, JsonNode request) {
        RegisteredTaskDefinition definition = definition(region, EcsJson.text(request, "taskDefinition"))
                .orElseThrow(() -> EcsError.client("Unable to describe task definition."));
        ObjectNode response = json.createObjectNode();
        response.set("taskDefinition", definition.toJson(json));
        return response;
    }
}
