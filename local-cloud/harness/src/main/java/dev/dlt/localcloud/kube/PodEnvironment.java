package dev.dlt.localcloud.kube;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves a container's env as a kubelet does: literal values, the downward API, and Secret keys. */
final class PodEnvironment {

    private PodEnvironment() {
    }

    static Map<String, String> resolve(KubernetesClient client, Pod pod, String podIp) {
        Map<String, String> env = new HashMap<>();
        List<EnvVar> vars = pod.getSpec().getContainers().getFirst().getEnv();
        for (EnvVar var : vars == null ? List.<EnvVar>of() : vars) {
            if (var.getValueFrom() == null) {
                env.put(var.getName(), var.getValue() == null ? "" : var.getValue());
            } else {
                env.put(var.getName(), fromSource(client, pod, podIp, var.getName(), var.getValueFrom()));
            }
        }
        return env;
    }

    private static String fromSource(KubernetesClient client, Pod pod, String podIp, String name, EnvVarSource source) {
        if (source.getFieldRef() != null) {
            return switch (source.getFieldRef().getFieldPath()) {
                case "status.podIP" -> podIp;
                case "metadata.name" -> pod.getMetadata().getName();
                case "metadata.namespace" -> pod.getMetadata().getNamespace();
                default -> throw new IllegalArgumentException("env " + name + ": unsupported fieldRef " + source.getFieldRef().getFieldPath());
            };
        }
        if (source.getSecretKeyRef() != null) {
            String secretName = source.getSecretKeyRef().getName();
            Secret secret = client.secrets().inNamespace(pod.getMetadata().getNamespace()).withName(secretName).get();
            String key = source.getSecretKeyRef().getKey();
            if (secret == null || secret.getData() == null || !secret.getData().containsKey(key)) {
                throw new IllegalArgumentException("env " + name + ": secret " + secretName + " has no key " + key);
            }
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.ISO_8859_1);
        }
        throw new IllegalArgumentException("env " + name + ": unsupported valueFrom");
    }
}
