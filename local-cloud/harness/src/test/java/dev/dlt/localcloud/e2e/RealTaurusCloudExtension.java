package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.fail;

import dev.dlt.localcloud.LocalCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A local cloud of its own for a test class, whose workers run the real Taurus bzt and JMeter named
 * by {@value #BZT} and {@value #JMETER_HOME} (set by .ci/run from the taurus kit; see the README,
 * "Engines"), with bzt's HOME in the cloud's work dir. Without them the class is skipped with a message
 * saying how to provide them, or fails when {@value #REQUIRED} is true (as in .ci/run). Closed when the
 * class ends: the other end-to-end tests share {@link LocalCloudExtension}'s cloud with the stand-in bzt.
 */
public final class RealTaurusCloudExtension implements ParameterResolver {

    static final String BZT = "DLT_TEST_BZT";
    static final String JMETER_HOME = "DLT_TEST_JMETER_HOME";
    static final String REQUIRED = "DLT_TEST_REAL_BZT_REQUIRED";
    private static final String ARTIFACTS = "artifacts";

    /** Where the workers' bzt writes its artifacts (results.xml, kpi.jtl), one {@code run-*} folder per worker run. */
    public record ArtifactsRoot(Path dir) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class || parameter.getParameter().getType() == ArtifactsRoot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        ExtensionContext.Store store = classContext.getStore(ExtensionContext.Namespace.create(RealTaurusCloudExtension.class));
        Holder holder = store.getOrComputeIfAbsent(LocalCloud.class, k -> start(), Holder.class);
        return parameter.getParameter().getType() == LocalCloud.class ? holder.cloud() : new ArtifactsRoot(holder.work().resolve(ARTIFACTS));
    }

    private static Holder start() {
        Map<String, String> env = System.getenv();
        String bzt = env.getOrDefault(BZT, "");
        String jmeter = env.getOrDefault(JMETER_HOME, "");
        if (bzt.isBlank() || !Files.isExecutable(Path.of(bzt)) || jmeter.isBlank()
                || !Files.isRegularFile(Path.of(jmeter, "bin", "ApacheJMeter.jar"))) {
            String message = "these tests need the real Taurus bzt and JMeter: " + BZT + "='" + bzt + "' and " + JMETER_HOME + "='" + jmeter
                    + "' do not name them; run .ci/run, or eval \"$(../shared/taurus-kit/setup.sh DIR)\" and export " + BZT
                    + "=$TAURUS_KIT_BZT " + JMETER_HOME + "=$TAURUS_KIT_JMETER_HOME, or use a pip-installed bzt (README, Engines)";
            if (Boolean.parseBoolean(env.get(REQUIRED))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path work = Files.createTempDirectory("dlt-e2e-taurus-");
            LocalCloud cloud = LocalCloud.start(work, LocalCloudExtension.root().resolve("crds"), LocalCloudExtension.withArchives());
            try {
                cloud.startOperator(LocalCloudExtension.root().resolve("operator/target/quarkus-app/quarkus-run.jar"), work,
                        Duration.ofMillis(300), Map.of("DLT_BZT", bzt, "DLT_JMETER_HOME", jmeter,
                                "DLT_BZT_HOME", Files.createDirectories(work.resolve("bzt-home")).toString(),
                                "DLT_ARTIFACTS_DIR", Files.createDirectories(work.resolve(ARTIFACTS)).toString()));
            } catch (IOException | InterruptedException | RuntimeException e) {
                cloud.close();
                throw e;
            }
            return new Holder(cloud, work);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local cloud with the real bzt", e);
        }
    }

    /** Closes the cloud and deletes its work dir when JUnit closes the class's store. */
    record Holder(LocalCloud cloud, Path work) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            cloud.close();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
