package dev.dlt.ecs;

import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What an ECS task means for DLT: its worker id (the leader's is {@code leader}, a worker's is its
 * task id), its state, and its start-gate address (the ENI's private IPv4 and the start port).
 */
final class TaskStates {

    static final String LEADER_ID = "leader";

    private TaskStates() {
    }

    /** @param healthChecked whether the agent container has a health check in the task definition */
    static WorkerInstance instance(Task task, String containerName, boolean healthChecked, int startPort) {
        WorkerRole role = TaskIdentity.role(task.tags());
        String workerId = role == WorkerRole.LEADER ? LEADER_ID : TaskIdentity.taskId(task.taskArn());
        String address = privateIp(task).map(ip -> ip + ":" + startPort).orElse(null);
        Optional<Container> container = container(task, containerName);
        String status = String.valueOf(task.lastStatus());
        if ("STOPPED".equals(status)) {
            Integer exitCode = container.map(Container::exitCode).orElse(null);
            if (exitCode != null && exitCode == 0) {
                return new WorkerInstance(workerId, role, WorkerState.SUCCEEDED, address, null);
            }
            return new WorkerInstance(workerId, role, WorkerState.FAILED, address, stopMessage(task, container, exitCode));
        }
        if ("RUNNING".equals(status)) {
            HealthStatus health = container.map(Container::healthStatus).orElse(HealthStatus.UNKNOWN);
            if (!healthChecked || health == HealthStatus.HEALTHY) {
                return new WorkerInstance(workerId, role, WorkerState.READY, address, null);
            }
            String why = health == HealthStatus.UNHEALTHY ? "container unhealthy: start gate not answering" : "waiting for the health check";
            return new WorkerInstance(workerId, role, WorkerState.PENDING, address, why);
        }
        return new WorkerInstance(workerId, role, WorkerState.PENDING, address, "task " + status.toLowerCase(java.util.Locale.ROOT));
    }

    private static Optional<Container> container(Task task, String name) {
        List<Container> containers = task.containers();
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().or(() -> containers.stream().findFirst());
    }

    static Optional<String> privateIp(Task task) {
        for (Attachment attachment : task.attachments()) {
            if ("ElasticNetworkInterface".equals(attachment.type())) {
                Optional<String> ip = attachment.details().stream().filter(d -> "privateIPv4Address".equals(d.name()))
                        .map(KeyValuePair::value).filter(v -> v != null && !v.isEmpty()).findFirst();
                if (ip.isPresent()) {
                    return ip;
                }
            }
        }
        return task.containers().stream().flatMap(c -> c.networkInterfaces().stream()).map(NetworkInterface::privateIpv4Address)
                .filter(ip -> ip != null && !ip.isEmpty()).findFirst();
    }

    private static String stopMessage(Task task, Optional<Container> container, Integer exitCode) {
        StringBuilder message = new StringBuilder("task ").append(TaskIdentity.taskId(task.taskArn())).append(" stopped");
        if (task.stoppedReason() != null) {
            message.append(": ").append(task.stoppedReason());
        }
        if (exitCode != null) {
            message.append(" (exit code ").append(exitCode).append(exitMeaning(exitCode)).append(')');
        }
        container.map(Container::reason).filter(r -> !r.isBlank()).ifPresent(r -> message.append("; container: ").append(r));
        return message.toString();
    }

    private static String exitMeaning(int exitCode) {
        return switch (exitCode) {
            case 2 -> ": invalid agent configuration";
            case 3 -> ": no start signal from the leader";
            default -> "";
        };
    }
}
