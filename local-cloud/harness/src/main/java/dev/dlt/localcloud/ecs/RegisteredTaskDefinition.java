package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A task definition revision held by the emulator, and its DescribeTaskDefinition form. */
record RegisteredTaskDefinition(String arn, String region, int revision, TaskDefinitionSpec spec) {

    String familyRevision() {
        return spec.family() + ":" + revision;
    }

    boolean fargate() {
        return spec.requiresCompatibilities().contains("FARGATE") && "awsvpc".equals(spec.networkMode());
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode definition = json.createObjectNode()
                .put("taskDefinitionArn", arn).put("family", spec.family()).put("revision", revision).put("status", "ACTIVE")
                .put("networkMode", spec.networkMode()).put("cpu", "1024").put("memory", "2048");
        spec.requiresCompatibilities().forEach(definition.putArray("requiresCompatibilities")::add);
        spec.requiresCompatibilities().forEach(definition.putArray("compatibilities")::add);
        ObjectNode container = definition.putArray("containerDefinitions").addObject()
                .put("name", spec.containerName()).put("image", "dlt/load-tester:local").put("essential", true);
        var environment = container.putArray("environment");
        spec.environment().forEach((name, value) -> environment.addObject().put("name", name).put("value", value));
        container.putArray("portMappings").addObject().put("containerPort", 50000).put("hostPort", 50000).put("protocol", "tcp");
        if (spec.healthCheck()) {
            ObjectNode check = container.putObject("healthCheck");
            check.putArray("command").add("CMD-SHELL").add("bash -c '</dev/tcp/127.0.0.1/50000' || exit 1");
            check.put("interval", 5).put("timeout", 2).put("retries", 2).put("startPeriod", 10);
        }
        if (spec.logGroup() != null) {
            ObjectNode log = container.putObject("logConfiguration").put("logDriver", "awslogs");
            log.putObject("options").put("awslogs-group", spec.logGroup()).put("awslogs-region", region)
                    .put("awslogs-stream-prefix", "dlt");
        }
        return definition;
    }
}
