package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlt.localcloud.kube.LoopbackAddresses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * RunTask, DescribeTasks, ListTasks and StopTask over the emulator's tasks, with client-token
 * idempotency, the injected faults, and the counts tests check.
 */
final class TaskOperations {

    static final int MAX_DESCRIBE = 100;

    private final ObjectMapper json;
    private final TaskJson describe;
    private final EcsRegistry registry;
    private final LoopbackAddresses addresses;
    private final EcsFaults faults;
    private final String metadataBase;
    private final Map<String, EmulatedTask> tasks = new LinkedHashMap<>();
    private final Map<String, ObjectNode> byClientToken = new HashMap<>();
    private final Map<String, Integer> callsByRegion = new HashMap<>();
    private final List<Integer> launchedPerCall = new ArrayList<>();
    private int calls;

    TaskOperations(ObjectMapper json, EcsRegistry registry, LoopbackAddresses addresses, EcsFaults faults, String metadataBase) {
        this.json = json;
        this.describe = new TaskJson(json);
        this.registry = registry;
        this.addresses = addresses;
        this.faults = faults;
        this.metadataBase = metadataBase;
    }

    ObjectNode runTask(String region, JsonNode request) {
        List<EmulatedTask> started = new ArrayList<>();
        ObjectNode response = json.createObjectNode();
        synchronized (this) {
            calls++;
            callsByRegion.merge(region, 1, Integer::sum);
            if (faults.throttle(calls)) {
                throw EcsError.throttling();
            }
            String token = EcsJson.text(request, "clientToken");
            if (token != null && byClientToken.containsKey(region + "/" + token)) {
                return byClientToken.get(region + "/" + token);
            }
            RunTaskValidation valid = RunTaskValidation.check(registry, region, request);
            int failing = faults.failing(valid.count());
            ArrayNode launched = response.putArray("tasks");
            for (int i = 0; i < valid.count() - failing; i++) {
                EmulatedTask task = newTask(region, valid, request);
                tasks.put(task.arn, task);
                started.add(task);
                launched.add(describe.describe(task, false));
            }
            launchedPerCall.add(started.size());
            ArrayNode failures = response.putArray("failures");
            for (int i = 0; i < failing; i++) {
                failures.addObject().put("arn", valid.clusterArn()).put("reason", EcsFaults.FAILURE_REASON)
                        .put("detail", "no Fargate capacity with the requested memory (injected)");
            }
            if (token != null) {
                byClientToken.put(region + "/" + token, response);
            }
        }
        started.forEach(t -> t.start(stopped -> addresses.release(stopped.ip)));
        return response;
    }

    private EmulatedTask newTask(String region, RunTaskValidation valid, JsonNode request) {
        String clusterName = valid.clusterArn().substring(valid.clusterArn().lastIndexOf('/') + 1);
        String id = UUID.randomUUID().toString().replace("-", "");
        String arn = "arn:aws:ecs:" + region + ":" + EcsRegistry.ACCOUNT + ":task/" + clusterName + "/" + id;
        String ip = addresses.allocate();
        // what Fargate puts into every container's environment, then the task definition's, then the overrides
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE");
        env.put("ECS_CONTAINER_METADATA_URI_V4", metadataBase + id);
        env.putAll(valid.definition().spec().environment());
        env.putAll(valid.overrideEnvironment());
        env.put("DLT_BIND_ADDRESS", ip); // on Fargate the agent binds 0.0.0.0 of its own ENI; here, its own loopback address
        String group = Optional.ofNullable(EcsJson.text(request, "group")).orElse("family:" + valid.definition().spec().family());
        return new EmulatedTask(arn, valid.clusterArn(), valid.definition(), EcsJson.text(request, "startedBy"), group,
                request.get("tags"), request.get("overrides"), ip, valid.subnet(), env);
    }

    synchronized ObjectNode describeTasks(String region, JsonNode request) {
        String clusterArn = registry.cluster(region, request);
        JsonNode ids = request.path("tasks");
        if (ids.isEmpty() || ids.size() > MAX_DESCRIBE) {
            throw EcsError.invalidParameter("Tasks must hold 1 to " + MAX_DESCRIBE + " elements, was " + ids.size() + ".");
        }
        boolean withTags = false;
        for (JsonNode field : request.path("include")) {
            withTags |= "TAGS".equals(field.asText());
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode found = response.putArray("tasks");
        ArrayNode failures = response.putArray("failures");
        for (JsonNode id : ids) {
            Optional<EmulatedTask> task = find(clusterArn, id.asText());
            if (task.isPresent()) {
                found.add(describe.describe(task.get(), withTags));
            } else {
                failures.addObject().put("arn", id.asText()).put("reason", "MISSING");
            }
        }
        return response;
    }

    synchronized ObjectNode listTasks(String region, JsonNode request) {
        String clusterArn = registry.cluster(region, request);
        String startedBy = EcsJson.text(request, "startedBy");
        String family = EcsJson.text(request, "family");
        String desired = Optional.ofNullable(EcsJson.text(request, "desiredStatus")).orElse("RUNNING");
        int max = request.path("maxResults").asInt(100);
        if (max < 1 || max > 100) {
            throw EcsError.invalidParameter("maxResults must be between 1 and 100.");
        }
        List<String> matching = tasks.values().stream()
                .filter(t -> t.clusterArn.equals(clusterArn) && desired.equals(t.desiredStatus()))
                .filter(t -> startedBy == null || startedBy.equals(t.startedBy))
                .filter(t -> family == null || family.equals(t.definition.spec().family()))
                .map(t -> t.arn).toList();
        int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        int to = Math.min(matching.size(), from + max);
        ObjectNode response = json.createObjectNode();
        matching.subList(from, to).forEach(response.putArray("taskArns")::add);
        if (to < matching.size()) {
            response.put("nextToken", Integer.toString(to));
        }
        return response;
    }

    synchronized ObjectNode stopTask(String region, JsonNode request) {
        String clusterArn = registry.cluster(region, request);
        String id = EcsJson.text(request, "task");
        if (id == null) {
            throw EcsError.invalidParameter("task is required.");
        }
        EmulatedTask task = find(clusterArn, id).orElseThrow(() -> EcsError.invalidParameter("The referenced task was not found."));
        task.stop(EcsJson.text(request, "reason"));
        ObjectNode response = json.createObjectNode();
        response.set("task", describe.describe(task, false));
        return response;
    }

    private Optional<EmulatedTask> find(String clusterArn, String idOrArn) {
        String id = idOrArn.substring(idOrArn.lastIndexOf('/') + 1);
        return tasks.values().stream().filter(t -> t.clusterArn.equals(clusterArn) && t.id.equals(id)).findFirst();
    }

    synchronized Optional<EmulatedTask> task(String id) {
        return tasks.values().stream().filter(t -> t.id.equals(id)).findFirst();
    }

    synchronized List<EmulatedTask> tasks() {
        return List.copyOf(tasks.values());
    }

    synchronized int calls(String region) {
        return region == null ? calls : callsByRegion.getOrDefault(region, 0);
    }

    synchronized List<Integer> launchedPerCall() {
        return List.copyOf(launchedPerCall);
    }
}
