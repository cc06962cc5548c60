package dev.dlt.operator.region;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dlt.operator.plan.TestRegions.UnusableTestRegion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reference that is not an object name never becomes part of an API path, whoever skipped validation. */
@EnableKubernetesMockClient(crud = true)
class KubernetesTestRegionsTest {

    KubernetesClient client;

    @ParameterizedTest
    @ValueSource(strings = {"../../kube-system/x", "a/b", "US-West-2", "x?watch=true", ""})
    void refusesANameThatIsNotAnObjectName(String name) {
        assertThatThrownBy(() -> new KubernetesTestRegions(client, "bucket").settings("team-a", name))
                .isInstanceOf(UnusableTestRegion.class).hasMessage("TestRegion name '" + name + "' is not a Kubernetes object name");
    }
}
