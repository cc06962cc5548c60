package dev.dlt.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.Task;

class TaskStatesTest {

    static final TaskIdentity IDENTITY = TaskIdentity.of(EcsWorkerBackendTest.RUN, "us-west");
    final FakeEcsApi ecs = new FakeEcsApi();

    Task task(String lastStatus, WorkerRole role, Container container) {
        Task task = ecs.add(IDENTITY.startedBy(), IDENTITY.tags(role), lastStatus);
        return task.toBuilder().containers(container).build();
    }

    @Test
    void provisioningAndPendingTasksArePending() {
        for (String status : List.of("PROVISIONING", "PENDING", "ACTIVATING")) {
            WorkerInstance worker = TaskStates.instance(task(status, WorkerRole.WORKER, Container.builder().name("agent").build()),
                    "agent", false, 50000);
            assertThat(worker.state()).isEqualTo(WorkerState.PENDING);
            assertThat(worker.message()).isEqualTo("task " + status.toLowerCase());
        }
    }

    @Test
    void aRunningTaskIsReadyAtItsPrivateIpAndItsIdIsItsTaskId() {
        Task task = task("RUNNING", WorkerRole.WORKER, Container.builder().name("agent").healthStatus(HealthStatus.UNKNOWN).build());

        WorkerInstance worker = TaskStates.instance(task, "agent", false, 50000);

        assertThat(worker.state()).isEqualTo(WorkerState.READY);
        assertThat(worker.address()).isEqualTo("10.0.0.2:50000");
        assertThat(worker.workerId()).isEqualTo(task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1)).hasSize(32);
        assertThat(worker.role()).isEqualTo(WorkerRole.WORKER);
    }

    @Test
    void withAHealthCheckOnlyAHealthyContainerIsReady() {
        var unknown = TaskStates.instance(task("RUNNING", WorkerRole.WORKER,
                Container.builder().name("agent").healthStatus(HealthStatus.UNKNOWN).build()), "agent", true, 50000);
        var unhealthy = TaskStates.instance(task("RUNNING", WorkerRole.WORKER,
                Container.builder().name("agent").healthStatus(HealthStatus.UNHEALTHY).build()), "agent", true, 50000);
        var healthy = TaskStates.instance(task("RUNNING", WorkerRole.WORKER,
                Container.builder().name("agent").healthStatus(HealthStatus.HEALTHY).build()), "agent", true, 50000);

        assertThat(unknown.state()).isEqualTo(WorkerState.PENDING);
        assertThat(unhealthy.state()).isEqualTo(WorkerState.PENDING);
        assertThat(unhealthy.message()).contains("unhealthy");
        assertThat(healthy.state()).isEqualTo(WorkerState.READY);
    }

    @Test
    void aStoppedTaskSucceededOnlyWithExitCodeZero() {
        Task ok = task("STOPPED", WorkerRole.LEADER, Container.builder().name("agent").exitCode(0).build());
        Task noSignal = task("STOPPED", WorkerRole.WORKER, Container.builder().name("agent").exitCode(3).build())
                .toBuilder().stoppedReason("Essential container in task exited").build();
        Task neverRan = task("STOPPED", WorkerRole.WORKER, Container.builder().name("agent")
                .reason("CannotPullContainerError: pull access denied").build())
                .toBuilder().stoppedReason("Task failed to start").build();

        WorkerInstance leader = TaskStates.instance(ok, "agent", false, 50000);
        WorkerInstance failed = TaskStates.instance(noSignal, "agent", false, 50000);
        WorkerInstance pullFailure = TaskStates.instance(neverRan, "agent", false, 50000);

        assertThat(leader.state()).isEqualTo(WorkerState.SUCCEEDED);
        assertThat(leader.workerId()).isEqualTo("leader");
        assertThat(failed.state()).isEqualTo(WorkerState.FAILED);
        assertThat(failed.message()).contains("Essential container in task exited", "exit code 3: no start signal from the leader");
        assertThat(pullFailure.state()).isEqualTo(WorkerState.FAILED);
        assertThat(pullFailure.message()).contains("Task failed to start", "CannotPullContainerError");
    }
}
