package dev.dlt.operator.backend.eks;

import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerSettings;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the pod of one worker or leader. */
final class WorkerPodFactory {

    private final PodSettings settings;

    WorkerPodFactory(PodSettings settings) {
        this.settings = settings;
    }

    Pod build(LaunchRequest request, WorkerRole role, String workerId, List<String> workerAddresses) {
        var run = request.run();
        WorkerSettings own = request.workers();
        Map<String, Quantity> resources = Map.of("cpu", new Quantity(own.cpu() != null ? own.cpu() : settings.cpu()),
                "memory", new Quantity(own.memory() != null ? own.memory() : settings.memory()));
        // the operator's labels go last: they select its pods, so a test's own labels never replace them
        Map<String, String> labels = new TreeMap<>(own.labels());
        labels.putAll(WorkerPods.labels(run, request.region(), role, workerId));
        return new PodBuilder()
                .withNewMetadata()
                    .withName(WorkerPods.podName(run, workerId))
                    .withNamespace(run.namespace())
                    .withLabels(labels)
                    .withAnnotations(own.annotations().isEmpty() ? null : new TreeMap<>(own.annotations()))
                    .addNewOwnerReference()
                        .withApiVersion("load.dlt.dev/v1alpha1").withKind("LoadTest").withName(run.testName())
                        .withUid(run.testUid()).withController(true).withBlockOwnerDeletion(true)
                    .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                    .withRestartPolicy("Never")
                    .withServiceAccountName(own.serviceAccountName() != null ? own.serviceAccountName() : settings.serviceAccount().orElse(null))
                    .withNodeSelector(own.nodeSelector().isEmpty() ? null : new TreeMap<>(own.nodeSelector()))
                    .withTolerations(own.tolerations().stream().map(WorkerPodFactory::toleration).toList())
                    // a stopped worker uploads what it recorded, retrying while S3 fails, before it exits
                    .withTerminationGracePeriodSeconds(120L)
                    .withSecurityContext(RestrictedPodSecurity.pod())
                    .withVolumes(RestrictedPodSecurity.scratchVolume())
                    .addNewContainer()
                        .withName(WorkerPods.CONTAINER)
                        .withImage(settings.image())
                        .withImagePullPolicy("IfNotPresent")
                        .withEnv(env(request, role, workerId, workerAddresses))
                        .addNewPort().withName("start-gate").withContainerPort(WorkerPods.START_PORT).withProtocol("TCP").endPort()
                        .withNewReadinessProbe()
                            .withNewTcpSocket().withNewPort(WorkerPods.START_PORT).endTcpSocket()
                            .withPeriodSeconds(2).withFailureThreshold(1)
                        .endReadinessProbe()
                        .withNewResources().withRequests(resources).withLimits(resources).endResources()
                        .withSecurityContext(RestrictedPodSecurity.container())
                        .withVolumeMounts(RestrictedPodSecurity.scratchMount())
                    .endContainer()
                .endSpec()
                .build();
    }

    private static Toleration toleration(WorkerSettings.Toleration t) {
        return new Toleration(t.effect(), t.key(), t.operator(), t.tolerationSeconds(), t.value());
    }

    private static List<EnvVar> env(LaunchRequest request, WorkerRole role, String workerId, List<String> workerAddresses) {
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(request.env()).forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        env.add(new EnvVar("DLT_ROLE", role == WorkerRole.LEADER ? "leader" : "worker", null));
        env.add(new EnvVar("DLT_WORKER_ID", workerId, null));
        env.add(new EnvVarBuilder().withName("DLT_BIND_ADDRESS")
                .withNewValueFrom().withNewFieldRef().withFieldPath("status.podIP").endFieldRef().endValueFrom().build());
        env.add(new EnvVarBuilder().withName("DLT_RUN_SECRET")
                .withNewValueFrom().withNewSecretKeyRef().withName(request.secretName()).withKey("secret").endSecretKeyRef().endValueFrom()
                .build());
        if (role == WorkerRole.LEADER) {
            env.add(new EnvVar("DLT_WORKER_ADDRESSES", String.join(",", workerAddresses), null));
        }
        return env;
    }
}
