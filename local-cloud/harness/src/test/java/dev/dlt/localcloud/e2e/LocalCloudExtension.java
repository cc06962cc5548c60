package dev.dlt.localcloud.e2e;

import dev.dlt.localcloud.LocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one local cloud with the packaged operator, started on first use and closed when the
 * test run ends (starting it takes seconds; the end-to-end tests share it).
 */
public final class LocalCloudExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        return store.getOrComputeIfAbsent(LocalCloud.class, k -> start(), Holder.class).cloud();
    }

    static Path root() {
        return Path.of(System.getProperty("dlt.root", "../..")).toAbsolutePath().normalize();
    }

    private static Holder start() {
        try {
            Path work = Files.createTempDirectory("dlt-e2e-");
            LocalCloud cloud = LocalCloud.start(work, root().resolve("crds"));
            cloud.startOperator(root().resolve("operator/target/quarkus-app/quarkus-run.jar"), work, Duration.ofMillis(300));
            return new Holder(cloud);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local cloud", e);
        }
    }

    /** Closes the cloud when JUnit closes the root store at the end of the run. */
    record Holder(LocalCloud cloud) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cloud.close();
        }
    }
}
