package dev.dlt.operator.backend.eks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.backend.LaunchRequest;
import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerRole;
import dev.dlt.backend.WorkerSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A LoadTest's own worker settings on the pods it gets, the operator-wide defaults without them. */
class WorkerPodSettingsTest {

    private final RunRef run = new RunRef("team-a", "checkout-load", "uid-7", "r20261123-100000-abcd");
    private final WorkerPodFactory factory = new WorkerPodFactory(new PodSettings("registry/dlt-load-tester:1", Optional.of("dlt-worker"), "1", "2Gi"));
    private final WorkerSettings own = new WorkerSettings("2", "4Gi", Map.of("workload", "load"),
            List.of(new WorkerSettings.Toleration("dedicated", "Equal", "load", "NoSchedule", null)),
            Map.of("team", "payments", WorkerPods.MANAGED_BY, "someone-else"), Map.of("cost-center", "42"), "load-irsa");

    private LaunchRequest request(WorkerSettings workers) {
        return new LaunchRequest(run, "eks", List.of("w0"), Map.of("DLT_S3_BUCKET", "results"), new byte[32], "gate", null, workers);
    }

    @Test
    void podsCarryTheGroupsSettings() {
        for (WorkerRole role : WorkerRole.values()) {
            Pod pod = factory.build(request(own), role, "w0", List.of());
            var resources = pod.getSpec().getContainers().getFirst().getResources();
            assertThat(resources.getRequests()).isEqualTo(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")));
            assertThat(resources.getLimits()).isEqualTo(resources.getRequests());
            assertThat(pod.getSpec().getNodeSelector()).isEqualTo(Map.of("workload", "load"));
            assertThat(pod.getSpec().getTolerations()).containsExactly(new Toleration("NoSchedule", "dedicated", "Equal", null, "load"));
            assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("load-irsa");
            assertThat(pod.getMetadata().getAnnotations()).isEqualTo(Map.of("cost-center", "42"));
            assertThat(pod.getMetadata().getLabels()).containsEntry("team", "payments")
                    .containsAllEntriesOf(WorkerPods.labels(run, "eks", role, "w0"));
        }
    }

    @Test
    void theOperatorsLabelsWinOverTheTestsSoItStillFindsItsPods() {
        Pod pod = factory.build(request(own), WorkerRole.WORKER, "w0", List.of());

        assertThat(pod.getMetadata().getLabels()).containsEntry(WorkerPods.MANAGED_BY, WorkerPods.MANAGED_BY_VALUE)
                .containsAllEntriesOf(WorkerPods.runSelector(run));
    }

    @Test
    void withoutSettingsThePodHasTheOperatorWideDefaults() {
        Pod pod = factory.build(request(null), WorkerRole.WORKER, "w0", List.of());

        var resources = pod.getSpec().getContainers().getFirst().getResources();
        assertThat(resources.getRequests()).isEqualTo(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")));
        assertThat(resources.getLimits()).isEqualTo(resources.getRequests());
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("dlt-worker");
        assertThat(pod.getSpec().getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getSpec().getTolerations()).isNullOrEmpty();
        assertThat(pod.getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(pod.getMetadata().getLabels()).isEqualTo(WorkerPods.labels(run, "eks", WorkerRole.WORKER, "w0"));
    }

    @Test
    void podsWithTheGroupsSettingsStillPassTheRestrictedProfile() throws Exception {
        for (WorkerRole role : WorkerRole.values()) {
            var json = new ObjectMapper().readTree(Serialization.asJson(factory.build(request(own), role, "w0", List.of("10.0.0.1:50000"))));
            assertThat(RestrictedPodSecurityTest.RestrictedProfile.violations(json)).as(role.name()).isEmpty();
        }
    }
}
