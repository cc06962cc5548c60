package dev.dlt.operator.backend.eks;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/**
 * The security settings that let worker and leader pods run in namespaces enforcing the Kubernetes
 * {@code restricted} Pod Security profile, with a read-only root filesystem.
 */
final class RestrictedPodSecurity {

    /** The worker image's numeric user and group (load-tester-image/Dockerfile, USER). */
    static final long UID = 1000L;
    static final long GID = 1000L;
    /** The only writable path: the agent's work dirs, Taurus' artifacts (DLT_ARTIFACTS_DIR) and temp files of bzt, JMeter and the JVM. */
    static final String SCRATCH_PATH = "/tmp";
    static final String SCRATCH_VOLUME = "scratch";

    private RestrictedPodSecurity() {
    }

    static PodSecurityContext pod() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true).withRunAsUser(UID).withRunAsGroup(GID).withFsGroup(GID)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    static SecurityContext container() {
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true).withRunAsUser(UID).withRunAsGroup(GID)
                .withAllowPrivilegeEscalation(false).withPrivileged(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    // no sizeLimit: a long Taurus run's kpi.jtl can be large, and Fargate gives each pod 20 GiB of ephemeral storage
    static Volume scratchVolume() {
        return new VolumeBuilder().withName(SCRATCH_VOLUME).withNewEmptyDir().endEmptyDir().build();
    }

    static VolumeMount scratchMount() {
        return new VolumeMountBuilder().withName(SCRATCH_VOLUME).withMountPath(SCRATCH_PATH).build();
    }
}
