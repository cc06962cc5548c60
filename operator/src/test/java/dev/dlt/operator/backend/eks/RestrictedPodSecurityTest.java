package dev.dlt.operator.backend.eks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerRole;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Worker and leader pods, as serialized for the API server, checked against every rule of the
 * Kubernetes Pod Security Standards' {@code restricted} profile (which includes {@code baseline}),
 * plus the read-only root filesystem with its one writable emptyDir.
 */
class RestrictedPodSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunRef run = new RunRef("team-a", "checkout-load", "uid-7", "r20261123-100000-abcd");
    private final LaunchRequest request = new LaunchRequest(run, "eks", List.of("w0", "w1"), Map.of("DLT_S3_BUCKET", "results"),
            new byte[32], "checkout-load-r20261123-100000-abcd-gate", null);
    private final WorkerPodFactory factory = new WorkerPodFactory(new PodSettings("registry/dlt-load-tester:1", Optional.of("dlt-worker"), "1", "2Gi"));

    @Test
    void workerAndLeaderPodsPassTheRestrictedProfile() {
        for (Pod pod : List.of(factory.build(request, WorkerRole.WORKER, "w0", List.of()),
                factory.build(request, WorkerRole.LEADER, "leader", List.of("10.0.0.1:50000")))) {
            assertThat(RestrictedProfile.violations(asSent(pod))).as(pod.getMetadata().getName()).isEmpty();
        }
    }

    @Test
    void rootFilesystemIsReadOnlyAndOnlyTmpIsWritable() {
        JsonNode pod = asSent(factory.build(request, WorkerRole.WORKER, "w0", List.of()));
        JsonNode container = pod.at("/spec/containers/0");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.get("volumeMounts")).singleElement().satisfies(mount -> {
            assertThat(mount.get("mountPath").asText()).isEqualTo("/tmp");
            assertThat(mount.path("readOnly").asBoolean(false)).isFalse();
            JsonNode volume = pod.at("/spec/volumes/0");
            assertThat(volume.get("name").asText()).isEqualTo(mount.get("name").asText());
            assertThat(volume.has("emptyDir")).isTrue();
        });
    }

    /** The image and the pod agree: the pod's UID is the image's numeric USER, and every place the image writes to is on the emptyDir. */
    @Test
    void podMatchesTheWorkerImage() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "load-tester-image", "Dockerfile"));
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$").matcher(dockerfile);
        assertThat(user.find()).as("a numeric USER uid:gid in the worker image's Dockerfile").isTrue();
        assertThat(Long.parseLong(user.group(1))).isEqualTo(RestrictedPodSecurity.UID);
        assertThat(Long.parseLong(user.group(2))).isEqualTo(RestrictedPodSecurity.GID);
        Matcher artifacts = Pattern.compile("DLT_ARTIFACTS_DIR=(\\S+)").matcher(dockerfile);
        assertThat(artifacts.find()).isTrue();
        assertThat(artifacts.group(1)).startsWith(RestrictedPodSecurity.SCRATCH_PATH + "/");
        Matcher prefs = Pattern.compile("-Djava\\.util\\.prefs\\.userRoot=(\\S+?)[\"\\s]").matcher(dockerfile);
        assertThat(prefs.find()).as("JMeter's preferences kept off the read-only HOME").isTrue();
        assertThat(prefs.group(1)).startsWith(RestrictedPodSecurity.SCRATCH_PATH + "/");
    }

    @Test
    void theRuleCheckFindsEachViolation() {
        Pod bad = new PodBuilder(factory.build(request, WorkerRole.WORKER, "w0", List.of()))
                .editSpec()
                    .withHostNetwork(true)
                    .editSecurityContext().withRunAsNonRoot(false).withRunAsUser(0L).editSeccompProfile().withType("Unconfined").endSeccompProfile().endSecurityContext()
                    .addNewVolume().withName("host").withNewHostPath().withPath("/var/run").endHostPath().endVolume()
                    .editFirstContainer()
                        .editSecurityContext().withPrivileged(true).withAllowPrivilegeEscalation(true).withRunAsNonRoot(null).withRunAsUser(null)
                            .withNewCapabilities().withAdd("NET_ADMIN").withDrop("NET_RAW").endCapabilities()
                            .withSeccompProfile(null)
                        .endSecurityContext()
                        .editFirstPort().withHostPort(50000).endPort()
                    .endContainer()
                .endSpec()
                .build();

        assertThat(RestrictedProfile.violations(asSent(bad))).containsExactlyInAnyOrder(
                "hostNetwork", "privileged: load-tester", "capabilities.add NET_ADMIN: load-tester", "hostPath volume: host",
                "hostPort 50000: load-tester", "seccompProfile Unconfined: pod", "volume type hostPath: host",
                "allowPrivilegeEscalation not false: load-tester", "runAsNonRoot not true: load-tester", "runAsUser 0: pod",
                "seccompProfile not RuntimeDefault/Localhost: load-tester", "capabilities.drop lacks ALL: load-tester");
    }

    private static JsonNode asSent(Pod pod) {
        try {
            return JSON.readTree(Serialization.asJson(pod));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rules of https://kubernetes.io/docs/concepts/security/pod-security-standards/ (baseline + restricted), on the pod's JSON. */
    static final class RestrictedProfile {

        private static final List<String> RESTRICTED_VOLUMES = List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
                "persistentVolumeClaim", "projected", "secret");
        private static final List<String> SAFE_SYSCTLS = List.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
                "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
                "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
                "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
        private static final List<String> SELINUX_TYPES = List.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

        static List<String> violations(JsonNode pod) {
            List<String> found = new ArrayList<>();
            JsonNode spec = pod.path("spec");
            JsonNode podContext = spec.path("securityContext");
            // baseline: host namespaces
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (spec.path(host).asBoolean(false)) {
                    found.add(host);
                }
            }
            // baseline: sysctls, SELinux, seccomp (pod level)
            podContext.path("sysctls").forEach(sysctl -> {
                if (!SAFE_SYSCTLS.contains(sysctl.path("name").asText())) {
                    found.add("sysctl " + sysctl.path("name").asText());
                }
            });
            checkSeLinux(podContext, "pod", found);
            checkSeccompNotUnconfined(podContext, "pod", found);
            checkAppArmor(podContext, "pod", found);
            pod.path("metadata").path("annotations").fields().forEachRemaining(annotation -> {
                String value = annotation.getValue().asText();
                if (annotation.getKey().startsWith("container.apparmor.security.beta.kubernetes.io/")
                        && !value.equals("runtime/default") && !value.startsWith("localhost/")) {
                    found.add("AppArmor annotation " + value);
                }
            });
            if (podContext.path("runAsUser").isNumber() && podContext.path("runAsUser").asLong() == 0) {
                found.add("runAsUser 0: pod");
            }
            // volumes: baseline forbids hostPath, restricted allows only a few types
            spec.path("volumes").forEach(volume -> {
                String name = volume.path("name").asText();
                volume.fieldNames().forEachRemaining(field -> {
                    if (field.equals("name")) {
                        return;
                    }
                    if (field.equals("hostPath")) {
                        found.add("hostPath volume: " + name);
                    }
                    if (!RESTRICTED_VOLUMES.contains(field)) {
                        found.add("volume type " + field + ": " + name);
                    }
                });
            });
            boolean podNonRoot = podContext.path("runAsNonRoot").asBoolean(false);
            boolean podSeccomp = allowedSeccomp(podContext);
            for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
                spec.path(list).forEach(container -> checkContainer(container, podNonRoot, podSeccomp, found));
            }
            return found;
        }

        private static void checkContainer(JsonNode container, boolean podNonRoot, boolean podSeccomp, List<String> found) {
            String name = container.path("name").asText();
            JsonNode context = container.path("securityContext");
            if (context.path("privileged").asBoolean(false)) {
                found.add("privileged: " + name);
            }
            context.path("capabilities").path("add").forEach(cap -> {
                // restricted: only NET_BIND_SERVICE may be added
                if (!cap.asText().equals("NET_BIND_SERVICE")) {
                    found.add("capabilities.add " + cap.asText() + ": " + name);
                }
            });
            container.path("ports").forEach(port -> {
                if (port.path("hostPort").asInt(0) != 0) {
                    found.add("hostPort " + port.path("hostPort").asInt() + ": " + name);
                }
            });
            if (!context.path("procMount").asText("Default").equals("Default")) {
                found.add("procMount: " + name);
            }
            checkSeLinux(context, name, found);
            checkSeccompNotUnconfined(context, name, found);
            checkAppArmor(context, name, found);
            if (!context.path("allowPrivilegeEscalation").isBoolean() || context.path("allowPrivilegeEscalation").asBoolean()) {
                found.add("allowPrivilegeEscalation not false: " + name);
            }
            boolean nonRoot = context.path("runAsNonRoot").isBoolean() ? context.path("runAsNonRoot").asBoolean() : podNonRoot;
            if (!nonRoot) {
                found.add("runAsNonRoot not true: " + name);
            }
            if (context.path("runAsUser").isNumber() && context.path("runAsUser").asLong() == 0) {
                found.add("runAsUser 0: " + name);
            }
            if (!(context.has("seccompProfile") ? allowedSeccomp(context) : podSeccomp)) {
                found.add("seccompProfile not RuntimeDefault/Localhost: " + name);
            }
            boolean dropsAll = false;
            for (JsonNode cap : context.path("capabilities").path("drop")) {
                dropsAll |= cap.asText().equals("ALL");
            }
            if (!dropsAll) {
                found.add("capabilities.drop lacks ALL: " + name);
            }
        }

        private static boolean allowedSeccomp(JsonNode context) {
            String type = context.path("seccompProfile").path("type").asText("");
            return type.equals("RuntimeDefault") || type.equals("Localhost");
        }

        private static void checkSeccompNotUnconfined(JsonNode context, String where, List<String> found) {
            if (context.path("seccompProfile").path("type").asText("").equals("Unconfined")) {
                found.add("seccompProfile Unconfined: " + where);
            }
        }

        private static void checkAppArmor(JsonNode context, String where, List<String> found) {
            if (context.path("appArmorProfile").path("type").asText("").equals("Unconfined")) {
                found.add("appArmorProfile Unconfined: " + where);
            }
        }

        private static void checkSeLinux(JsonNode context, String where, List<String> found) {
            JsonNode seLinux = context.path("seLinuxOptions");
            if (!SELINUX_TYPES.contains(seLinux.path("type").asText("")) || seLinux.has("user") || seLinux.has("role")) {
                found.add("seLinuxOptions: " + where);
            }
        }
    }
}
