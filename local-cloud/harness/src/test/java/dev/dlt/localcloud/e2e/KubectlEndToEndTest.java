package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the local cloud: apply -f, get (the CRD's printer columns, server-side), get -w,
 * describe with events, get pods, get events, delete. kubectl is the one on the PATH or DLT_TEST_KUBECTL; CI
 * sets DLT_TEST_KUBECTL_REQUIRED=true so that a missing kubectl fails the test instead of skipping it.
 */
@ExtendWith(LocalCloudExtension.class)
class KubectlEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void kubectlAppliesGetsWatchesDescribesAndDeletesALoadTest(LocalCloud cloud) throws Exception {
        Path kubectl = kubectl();
        Path kubeconfig = cloud.writeKubeconfig(dir.resolve("kubeconfig"));
        LoadTests tests = new LoadTests(cloud.kubernetes());
        try (TargetServer target = TargetServer.start(InetAddress.getByName("127.0.97.2"), 0, TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)))) {
            Path manifest = Files.writeString(dir.resolve("lt.yaml"), """
                    apiVersion: load.dlt.dev/v1alpha1
                    kind: LoadTest
                    metadata: {name: by-kubectl}
                    spec:
                      scenario: {requests: [{url: "%s"}]}
                      load: {concurrency: 2, holdFor: 8s}
                      workers: [{backend: eks-fargate, count: 2}]
                    """.formatted(target.baseUri()));

            assertThat(run(kubectl, kubeconfig, "apply", "-f", manifest.toString()).out())
                    .contains("loadtest.load.dlt.dev/by-kubectl created");
            Path watchOut = dir.resolve("watch.out");
            Process watch = new ProcessBuilder(kubectl.toString(), "--kubeconfig", kubeconfig.toString(), "get", "lt", "-w")
                    .redirectErrorStream(true).redirectOutput(watchOut.toFile()).start();
            try {
                // while it runs (8 s), its pods: 2 workers and the leader
                tests.await("by-kubectl", v -> "Running".equals(v.phase()), Duration.ofSeconds(60));
                assertThat(run(kubectl, kubeconfig, "get", "pods", "-l", "load.dlt.dev/test=by-kubectl").out()).startsWith("NAME")
                        .contains("READY", "STATUS", "by-kubectl-").containsPattern("-w0\\s+1/1\\s+Running");
                LoadTestView done = tests.await("by-kubectl", LoadTestView::terminal, Duration.ofSeconds(90));
                assertThat(done.phase()).isEqualTo("Succeeded");
                // the watch streams each change: the row of the ended run comes after the first one
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(watchOut).contains("Succeeded"));
            } finally {
                watch.destroy();
                watch.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(Files.readAllLines(watchOut).getFirst()).startsWith("NAME");

            List<String> table = run(kubectl, kubeconfig, "get", "loadtests").out().lines().toList();
            // column names may hold a space (NEXT RUN): compare the header with its blanks collapsed
            assertThat(table.getFirst().strip().replaceAll("\\s+", " ")).isEqualTo(String.join(" ", printerColumns()));
            long requests = (long) LoadTestView.number(tests.get("by-kubectl").result().get("requests"));
            assertThat(table).anySatisfy(row -> assertThat(row).startsWith("by-kubectl").contains("Succeeded"));
            // the request count is a priority-1 column: -o wide shows it
            List<String> wide = run(kubectl, kubeconfig, "get", "loadtests", "-o", "wide").out().lines().toList();
            assertThat(wide.getFirst()).contains("REQUESTS");
            assertThat(wide).anySatisfy(row -> assertThat(row).startsWith("by-kubectl").contains("Succeeded")
                    .containsPattern("\\s" + requests + "(\\s|$)"));

            assertThat(run(kubectl, kubeconfig, "get", "events").out()).contains("loadtest/by-kubectl", "Launching");
            assertThat(run(kubectl, kubeconfig, "describe", "lt", "by-kubectl").out())
                    .containsPattern("Name:\\s+by-kubectl").containsPattern("Phase:\\s+Succeeded")
                    .containsPattern("Normal\\s+Launching");

            // whoever applies it, a LoadTest aimed off this machine is not stored, so nothing runs
            Path away = Files.writeString(dir.resolve("away.yaml"), Files.readString(manifest).replace("by-kubectl", "away")
                    .replace(target.baseUri().toString(), "http://192.0.2.10/"));
            Result refused = run(kubectl, kubeconfig, "apply", "-f", away.toString());
            assertThat(refused.code()).isNotZero();
            assertThat(refused.out()).contains("only sends load to loopback", "http://192.0.2.10/");
            assertThat(tests.get("away")).isNull();

            assertThat(run(kubectl, kubeconfig, "delete", "lt", "by-kubectl").out()).contains("\"by-kubectl\" deleted");
            Result gone = run(kubectl, kubeconfig, "get", "lt", "by-kubectl");
            assertThat(gone.code()).isNotZero();
            assertThat(gone.out()).contains("NotFound");
            assertThat(tests.get("by-kubectl")).isNull();
        }
    }

    /** The CRD's printer columns that kubectl shows without -o wide, after NAME, read from crds/ (another branch may add some). */
    private static List<String> printerColumns() throws IOException {
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(LocalCloudExtension.root().resolve("crds/loadtests.load.dlt.dev-v1.yml"))) {
            crd = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(in, CustomResourceDefinition.class);
        }
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().getFirst();
        List<String> names = new ArrayList<>(List.of("NAME"));
        version.getAdditionalPrinterColumns().stream().filter(c -> c.getPriority() == null || c.getPriority() == 0)
                .forEach(c -> names.add(c.getName().toUpperCase(java.util.Locale.ROOT)));
        return names;
    }

    record Result(int code, String out) {
    }

    /** Runs kubectl, failing when it has not ended within 60 s (delete waits until the operator's cleanup lets the LoadTest go). */
    private static Result run(Path kubectl, Path kubeconfig, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(), "--request-timeout=30s"));
        command.addAll(List.of(args));
        // the output goes to a file: reading a pipe to its end would wait for kubectl however long it takes
        File output = File.createTempFile("kubectl-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(output.toPath(), StandardCharsets.UTF_8);
            if (!ended) {
                fail("kubectl " + String.join(" ", args) + " did not end within 60 s: " + out);
            }
            if (process.exitValue() != 0 && !args[0].equals("get") && !(args[0].equals("apply") && args[2].contains("away"))) {
                fail("kubectl " + String.join(" ", args) + " exited " + process.exitValue() + ": " + out);
            }
            return new Result(process.exitValue(), out);
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    /** DLT_TEST_KUBECTL, else kubectl on the PATH; absent, the test fails when DLT_TEST_KUBECTL_REQUIRED=true, else it is skipped. */
    private static Path kubectl() {
        String configured = System.getenv("DLT_TEST_KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equals(System.getenv("DLT_TEST_KUBECTL_REQUIRED"))) {
            fail("DLT_TEST_KUBECTL_REQUIRED=true but there is no kubectl on the PATH and DLT_TEST_KUBECTL is not set");
        }
        Assumptions.abort("no kubectl on the PATH (set DLT_TEST_KUBECTL, or DLT_TEST_KUBECTL_REQUIRED=true to fail instead)");
        return null;
    }
}
