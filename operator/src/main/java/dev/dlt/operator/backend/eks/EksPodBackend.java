package dev.dlt.operator.backend.eks;

import dev.dlt.backend.LaunchProgress;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerBackend;
import dev.dlt.backend.WorkerInstance;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Workers as pods in the LoadTest's namespace (EKS Fargate when a Fargate profile matches it). A
 * worker is ready when its pod is Ready, which its readiness probe on the start gate decides.
 */
public final class EksPodBackend implements WorkerBackend {

    public static final String TYPE = "eks-fargate";
    private static final Logger LOG = Logger.getLogger(EksPodBackend.class);

    private final KubernetesClient client;
    private final WorkerPodFactory pods;

    public EksPodBackend(KubernetesClient client, PodSettings settings) {
        this.client = client;
        this.pods = new WorkerPodFactory(settings);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public LaunchProgress launchWorkers(LaunchRequest request) {
        for (String workerId : request.workerIds()) {
            ensure(pods.build(request, WorkerRole.WORKER, workerId, List.of()));
        }
        return LaunchProgress.complete(request.workerIds().size());
    }

    @Override
    public LaunchProgress launchLeader(LaunchRequest request, List<String> workerAddresses) {
        ensure(pods.build(request, WorkerRole.LEADER, "leader", workerAddresses));
        return LaunchProgress.complete(1);
    }

    private void ensure(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        if (client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get() == null) {
            client.pods().inNamespace(namespace).resource(pod).create();
            LOG.debugf("created pod %s/%s", namespace, pod.getMetadata().getName());
        }
    }

    @Override
    public List<WorkerInstance> observe(RunRef run, LaunchRequest request) {
        return client.pods().inNamespace(run.namespace()).withLabels(WorkerPods.runSelector(run))
                .withLabel(WorkerPods.REGION, request.region()).list().getItems().stream()
                .map(EksPodBackend::toInstance).toList();
    }

    @Override
    public void stop(RunRef run, LaunchRequest request) {
        client.pods().inNamespace(run.namespace()).withLabels(WorkerPods.runSelector(run))
                .withLabel(WorkerPods.REGION, request.region()).delete();
    }

    static WorkerInstance toInstance(Pod pod) {
        var labels = pod.getMetadata().getLabels();
        WorkerRole role = WorkerRole.valueOf(labels.getOrDefault(WorkerPods.ROLE, "worker").toUpperCase(Locale.ROOT));
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        String address = ip == null || ip.isEmpty() ? null : ip + ":" + WorkerPods.START_PORT;
        WorkerState state;
        String message = null;
        if ("Succeeded".equals(phase)) {
            state = WorkerState.SUCCEEDED;
        } else if ("Failed".equals(phase)) {
            state = WorkerState.FAILED;
            message = terminationMessage(pod);
        } else if ("Running".equals(phase) && ready(pod)) {
            state = WorkerState.READY;
        } else {
            state = WorkerState.PENDING;
            message = pod.getStatus() == null ? null : pod.getStatus().getReason();
        }
        return new WorkerInstance(labels.get(WorkerPods.WORKER), role, state, address, message);
    }

    private static boolean ready(Pod pod) {
        List<PodCondition> conditions = pod.getStatus().getConditions();
        return conditions != null && conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String terminationMessage(Pod pod) {
        StringBuilder message = new StringBuilder("pod " + pod.getMetadata().getName() + " failed");
        if (pod.getStatus().getReason() != null) {
            message.append(": ").append(pod.getStatus().getReason());
        }
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        if (statuses != null) {
            for (ContainerStatus status : statuses) {
                ContainerStateTerminated terminated = status.getState() == null ? null : status.getState().getTerminated();
                if (terminated != null) {
                    message.append(" (exit code ").append(terminated.getExitCode());
                    if (terminated.getMessage() != null) {
                        message.append(": ").append(terminated.getMessage().strip());
                    }
                    message.append(')');
                }
            }
        }
        return message.toString();
    }
}
