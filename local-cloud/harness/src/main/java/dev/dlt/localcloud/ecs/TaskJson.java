package dev.dlt.localcloud.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An emulated task as ECS describes it (DescribeTasks, RunTask, StopTask) and as its metadata endpoint v4 does. */
final class TaskJson {

    private final ObjectMapper json;

    TaskJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode describe(EmulatedTask task, boolean withTags) {
        TaskStatus s = task.status();
        String attachment = "eni-attach-" + task.id.substring(0, 12);
        ObjectNode out = json.createObjectNode()
                .put("taskArn", task.arn).put("clusterArn", task.clusterArn).put("taskDefinitionArn", task.definition.arn())
                .put("lastStatus", s.lastStatus()).put("desiredStatus", s.desiredStatus()).put("launchType", "FARGATE")
                .put("platformVersion", "1.4.0").put("cpu", "1024").put("memory", "2048")
                .put("availabilityZone", task.definition.region() + "a").put("group", task.group)
                .put("healthStatus", s.healthStatus()).put("createdAt", seconds(s.createdAt())).put("version", 1);
        if (task.startedBy != null) {
            out.put("startedBy", task.startedBy);
        }
        if (s.startedAt() != null) {
            out.put("startedAt", seconds(s.startedAt()));
        }
        if (s.stoppedReason() != null) {
            out.put("stoppedReason", s.stoppedReason()).put("stopCode", s.stopCode());
        }
        if (s.stoppedAt() != null) {
            out.put("stoppedAt", seconds(s.stoppedAt()));
        }
        ObjectNode eni = out.putArray("attachments").addObject().put("id", attachment).put("type", "ElasticNetworkInterface")
                .put("status", "STOPPED".equals(s.lastStatus()) ? "DELETED" : "ATTACHED");
        ArrayNode details = eni.putArray("details");
        details.addObject().put("name", "subnetId").put("value", task.subnet);
        details.addObject().put("name", "networkInterfaceId").put("value", "eni-" + task.id.substring(0, 17));
        details.addObject().put("name", "privateIPv4Address").put("value", task.ip);
        String container = task.definition.spec().containerName();
        ObjectNode c = out.putArray("containers").addObject()
                .put("containerArn", task.arn.replace(":task/", ":container/") + "/" + container).put("taskArn", task.arn)
                .put("name", container).put("image", "dlt/load-tester:local").put("lastStatus", s.lastStatus())
                .put("healthStatus", s.healthStatus());
        if (s.exitCode() != null) {
            c.put("exitCode", s.exitCode());
        }
        c.putArray("networkInterfaces").addObject().put("attachmentId", attachment).put("privateIpv4Address", task.ip);
        if (task.overrides != null) {
            out.set("overrides", task.overrides);
        }
        if (withTags && task.tags != null) {
            out.set("tags", task.tags);
        }
        return out;
    }

    /** {@code GET ${ECS_CONTAINER_METADATA_URI_V4}/task}: the task, with its {@code TaskARN}. */
    ObjectNode taskMetadata(EmulatedTask task) {
        TaskStatus s = task.status();
        ObjectNode out = json.createObjectNode().put("Cluster", task.clusterArn).put("TaskARN", task.arn)
                .put("Family", task.definition.spec().family()).put("Revision", Integer.toString(task.definition.revision()))
                .put("DesiredStatus", s.desiredStatus()).put("KnownStatus", s.lastStatus()).put("LaunchType", "FARGATE")
                .put("AvailabilityZone", task.definition.region() + "a");
        out.putArray("Containers").add(containerMetadata(task));
        return out;
    }

    /** {@code GET ${ECS_CONTAINER_METADATA_URI_V4}}: the container itself. */
    ObjectNode containerMetadata(EmulatedTask task) {
        String name = task.definition.spec().containerName();
        ObjectNode out = json.createObjectNode().put("Name", name).put("DockerId", task.id + "-" + name)
                .put("KnownStatus", task.status().lastStatus()).put("Type", "NORMAL");
        out.putObject("Labels").put("com.amazonaws.ecs.task-arn", task.arn).put("com.amazonaws.ecs.cluster", task.clusterArn)
                .put("com.amazonaws.ecs.container-name", name);
        out.putArray("Networks").addObject().put("NetworkMode", "awsvpc").putArray("IPv4Addresses").add(task.ip);
        return out;
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
