package dev.dlt.localcloud.e2e;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.aws.ClassDataArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one local cloud with the packaged operator, started on first use and closed when the
 * test run ends (starting it takes seconds; the end-to-end tests share it), and a {@link CloudTestBed} on it.
 */
public final class LocalCloudExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class || parameter.getParameter().getType() == CloudTestBed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        LocalCloud cloud = store.getOrComputeIfAbsent(LocalCloud.class, k -> start(), Holder.class).cloud();
        if (parameter.getParameter().getType() == LocalCloud.class) {
            return cloud;
        }
        return CloudTestBed.of(context, cloud);
    }

    /**
     * The class-data archives the tests' clouds share (in the module's target/): the first S3Proxy and operator of
     * a build write them as they exit, every later one maps them and starts faster.
     */
    static LocalCloud.StartOptions withArchives() {
        return LocalCloud.StartOptions.DEFAULTS.withArchives(ClassDataArchives.in(Path.of("target", "cds")));
    }

    static Path root() {
        return Path.of(System.getProperty("dlt.root", "../..")).toAbsolutePath().normalize();
    }

    private static Holder start() {
        try {
            Path work = Files.createTempDirectory("dlt-e2e-");
            LocalCloud cloud = LocalCloud.start(work, root().resolve("crds"), withArchives());
            cloud.startOperator(root().resolve("operator/target/quarkus-app/quarkus-run.jar"), work, Duration.ofMillis(300),
                    Map.of("DLT_BZT", standInBzt(work).toString(), "DLT_ARTIFACTS_DIR", work.resolve("artifacts").toString()),
                    // live records every second, status.progress every 2 s: a short run shows several
                    Map.of("dlt.live.interval", "1s", "dlt.live.read-every", "1s", "dlt.live.status-every", "2s"));
            return new Holder(cloud, work);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local cloud", e);
        }
    }

    /** The worker image's bzt is Python from PyPI; runs with engine taurus use the agent tests' stand-in. */
    private static Path standInBzt(Path work) throws java.io.IOException {
        Path bzt = Files.createDirectories(work.resolve("bin")).resolve("bzt");
        Files.copy(root().resolve("load-tester-image/src/test/resources/taurus/standin-bzt.py"), bzt);
        Files.setPosixFilePermissions(bzt, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(work.resolve("artifacts"));
        return bzt;
    }

    /** Closes the cloud when JUnit closes the root store at the end of the run. */
    record Holder(LocalCloud cloud, Path work) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws java.io.IOException {
            cloud.close();
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
