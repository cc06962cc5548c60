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
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final PodCache cache;
    private final WorkerPodFactory pods;

    public EksPodBackend(KubernetesClient client, PodCache cache, PodSettings settings) {
        this.client = client;
        this.cache = cache;
        this.pods = new WorkerPodFactory(settings);
    }

    @Override
    public String service() {
        return "Kubernetes";
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public LaunchProgress launchWorkers(LaunchRequest request) {
        Set<String> existing = existing(request);
        for (String workerId : request.workerIds()) {
            Pod pod = pods.build(request, WorkerRole.WORKER, workerId, List.of());
            if (!existing.contains(pod.getMetadata().getName())) {
                create(pod);
            }
        }
        return LaunchProgress.complete(request.workerIds().size());
    }

    @Override
    public LaunchProgress launchLeader(LaunchRequest request, List<String> workerAddresses) {
        Pod pod = pods.build(request, WorkerRole.LEADER, "leader", workerAddresses);
        if (!existing(request).contains(pod.getMetadata().getName())) {
            create(pod);
        }
        return LaunchProgress.complete(1);
    }

    private Set<String> existing(LaunchRequest request) {
        return cache.list(request.run().namespace(), selector(request.run(), request.region())).stream()
                .map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    }

    /** Creates a pod; one that exists already (the cache had not seen it yet) is left as it is. */
    private void create(Pod pod) {
        String namespace = pod.getMetadata().getNamespace();
        try {
            client.pods().inNamespace(namespace).resource(pod).create();
            LOG.debugf("created pod %s/%s", namespace, pod.getMetadata().getName());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    @Override
    public List<WorkerInstance> observe(RunRef run, LaunchRequest request) {
        return cache.list(run.namespace(), selector(run, request.region())).stream().map(EksPodBackend::toInstance).toList();
    }

    private static Map<String, String> selector(RunRef run, String region) {
        Map<String, String> labels = new HashMap<>(WorkerPods.runSelector(run));
        labels.put(WorkerPods.REGION, region);
        return labels;
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
