package dev.dlt.operator.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dlt.operator.api.CrdSchema;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.TestRegion;
import dev.dlt.operator.validation.SpecValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest in {@code examples/} is a LoadTest or TestRegion that the operator and the CRD schema (with its CEL rules) accept as written. */
class ExamplesTest {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    static Stream<Path> examples() throws IOException {
        Path root = Path.of(System.getProperty("dlt.examples", "../examples"));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void isAcceptedAsWritten(Path file) throws IOException {
        List<String> documents = List.of(Files.readString(file).split("(?m)^---\\s*$"));
        assertThat(documents).isNotEmpty();
        for (String document : documents) {
            GenericKubernetesResource resource = YAML.unmarshal(document, GenericKubernetesResource.class);
            if ("eksctl.io/v1alpha5".equals(resource.getApiVersion())) {
                assertEksctlCluster(file, YAML.unmarshal(document, JsonNode.class));
                continue;
            }
            assertThat(resource.getApiVersion()).isEqualTo("load.dlt.dev/v1alpha1");
            switch (resource.getKind()) {
                case "LoadTest" -> {
                    LoadTest test = YAML.unmarshal(document, LoadTest.class);
                    assertThat(new SpecValidator().validate(test.getSpec())).as(file + ": " + test.getMetadata().getName()).isEmpty();
                    assertThat(CrdSchema.loadTests().violations(YAML.unmarshal(document, JsonNode.class).get("spec"))).as(file.toString()).isEmpty();
                }
                case "TestRegion" -> {
                    TestRegion region = YAML.unmarshal(document, TestRegion.class);
                    assertThat(region.getSpec().getSubnets()).as(file.toString()).isNotEmpty();
                    assertThat(region.getSpec().getRegion()).matches("^[a-z]{2}(-[a-z]+)+-\\d+$");
                    assertThat(region.getSpec().bindingProblem()).as(file.toString()).isNull();
                    assertThat(CrdSchema.of("testregions.load.dlt.dev-v1.yml").violations(YAML.unmarshal(document, JsonNode.class).get("spec")))
                            .as(file.toString()).isEmpty();
                }
                default -> throw new AssertionError(file + " has an unexpected kind " + resource.getKind());
            }
        }
    }

    /** The eksctl cluster of docs/eks-fargate.md: Fargate profiles for CoreDNS, the operator and the tests, and an IRSA role for each ServiceAccount. */
    private static void assertEksctlCluster(Path file, JsonNode cluster) {
        assertThat(cluster.get("kind").asText()).as(file.toString()).isEqualTo("ClusterConfig");
        assertThat(cluster.at("/metadata/region").asText()).matches("^[a-z]{2}(-[a-z]+)+-\\d+$");
        List<String> fargateNamespaces = new java.util.ArrayList<>();
        cluster.path("fargateProfiles").forEach(profile -> profile.path("selectors").forEach(s -> fargateNamespaces.add(s.path("namespace").asText())));
        assertThat(fargateNamespaces).as(file + ": Fargate profiles").contains("kube-system", "dlt-system", "perf");
        assertThat(cluster.at("/iam/withOIDC").asBoolean()).as(file + ": IRSA needs the OIDC provider").isTrue();
        List<String> roles = new java.util.ArrayList<>();
        cluster.at("/iam/serviceAccounts").forEach(sa -> roles.add(sa.at("/metadata/namespace").asText() + "/" + sa.at("/metadata/name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("dlt-system/dlt-operator", "perf/dlt-worker");
    }
}
