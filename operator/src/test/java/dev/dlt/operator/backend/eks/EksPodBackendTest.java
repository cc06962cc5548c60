package dev.dlt.operator.backend.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class EksPodBackendTest {

    KubernetesClient client;

    private final RunRef run = new RunRef("team-a", "checkout-load", "uid-7", "r20261123-100000-abcd");
    private final LaunchRequest request = new LaunchRequest(run, "eks", List.of("w0", "w1"),
            Map.of("DLT_TEST_ID", "team-a/checkout-load", "DLT_S3_BUCKET", "results"), new byte[32], "checkout-load-r20261123-100000-abcd-gate",
            null);

    private EksPodBackend backend() {
        return new EksPodBackend(client, new PodCache(client), new PodSettings("registry/dlt-load-tester:1", Optional.of("dlt-worker"), "2", "4Gi"));
    }

    @Test
    void launchesOnePodPerWorkerWithEverythingTheAgentNeeds() {
        backend().launchWorkers(request);

        Pod pod = client.pods().inNamespace("team-a").withName("checkout-load-r20261123-100000-abcd-w1").get();
        assertThat(pod).isNotNull();
        assertThat(pod.getMetadata().getLabels()).containsEntry("load.dlt.dev/run", run.runId()).containsEntry("load.dlt.dev/role", "worker")
                .containsEntry("load.dlt.dev/worker", "w1").containsEntry("load.dlt.dev/test-uid", "uid-7")
                .containsEntry("app.kubernetes.io/managed-by", "dlt-operator");
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("LoadTest");
            assertThat(o.getUid()).isEqualTo("uid-7");
            assertThat(o.getController()).isTrue();
        });
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("dlt-worker");
        var container = pod.getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo("registry/dlt-load-tester:1");
        assertThat(container.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(50000);
        assertThat(container.getResources().getRequests().get("cpu").toString()).isEqualTo("2");
        Map<String, EnvVar> env = container.getEnv().stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));
        assertThat(env.get("DLT_TEST_ID").getValue()).isEqualTo("team-a/checkout-load");
        assertThat(env.get("DLT_ROLE").getValue()).isEqualTo("worker");
        assertThat(env.get("DLT_WORKER_ID").getValue()).isEqualTo("w1");
        assertThat(env.get("DLT_BIND_ADDRESS").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        assertThat(env.get("DLT_RUN_SECRET").getValueFrom().getSecretKeyRef().getName()).isEqualTo(request.secretName());
        assertThat(env).doesNotContainKey("DLT_WORKER_ADDRESSES");
    }

    @Test
    void launchingAgainAdoptsTheExistingPods() {
        backend().launchWorkers(request);
        backend().launchWorkers(request);

        assertThat(client.pods().inNamespace("team-a").list().getItems()).hasSize(2);
    }

    @Test
    void theLeaderGetsTheWorkerAddresses() {
        backend().launchLeader(request, List.of("10.1.0.5:50000", "10.1.0.6:50000"));

        Pod leader = client.pods().inNamespace("team-a").withName("checkout-load-r20261123-100000-abcd-leader").get();
        assertThat(leader.getMetadata().getLabels()).containsEntry("load.dlt.dev/role", "leader");
        assertThat(leader.getSpec().getContainers().getFirst().getEnv())
                .anySatisfy(e -> {
                    assertThat(e.getName()).isEqualTo("DLT_WORKER_ADDRESSES");
                    assertThat(e.getValue()).isEqualTo("10.1.0.5:50000,10.1.0.6:50000");
                });
    }

    @Test
    void observesPodPhasesAsWorkerStates() {
        EksPodBackend backend = backend();
        backend.launchWorkers(request);
        setStatus("w0", new PodStatusBuilder().withPhase("Running").withPodIP("10.1.0.5")
                .addNewCondition().withType("Ready").withStatus("True").endCondition().build());
        setStatus("w1", new PodStatusBuilder().withPhase("Failed").withReason("Evicted")
                .addNewContainerStatus().withName("load-tester").withNewState().withNewTerminated().withExitCode(3)
                .withMessage("no start signal").endTerminated().endState().endContainerStatus().build());

        List<WorkerInstance> observed = backend.observe(run, request);

        assertThat(observed).extracting(WorkerInstance::workerId, WorkerInstance::role, WorkerInstance::state, WorkerInstance::address)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("w0", WorkerRole.WORKER, WorkerState.READY, "10.1.0.5:50000"),
                        org.assertj.core.groups.Tuple.tuple("w1", WorkerRole.WORKER, WorkerState.FAILED, null));
        assertThat(observed).filteredOn(w -> w.workerId().equals("w1")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("Evicted").contains("exit code 3").contains("no start signal"));
    }

    @Test
    void stopDeletesEveryPodOfTheRunAndNothingElse() {
        backend().launchWorkers(request);
        LaunchRequest otherRun = new LaunchRequest(new RunRef("team-a", "checkout-load", "uid-7", "r-other"), "eks", List.of("w0"),
                Map.of(), new byte[32], "s", null);
        backend().launchWorkers(otherRun);

        backend().stop(run, request);

        assertThat(client.pods().inNamespace("team-a").list().getItems()).singleElement()
                .satisfies(p -> assertThat(p.getMetadata().getLabels()).containsEntry("load.dlt.dev/run", "r-other"));
    }

    private void setStatus(String workerId, io.fabric8.kubernetes.api.model.PodStatus status) {
        client.pods().inNamespace("team-a").withName(WorkerPods.podName(run, workerId)).editStatus(p -> {
            p.setStatus(status);
            return p;
        });
    }
}
