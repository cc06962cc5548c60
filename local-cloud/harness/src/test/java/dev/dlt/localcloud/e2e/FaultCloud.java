package dev.dlt.localcloud.e2e;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.kube.Kubelet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local cloud for fault injection: the packaged operator with short timeouts, and {@link #heal()}
 * to undo whatever a test broke (so that one failing test does not fail the next).
 */
final class FaultCloud implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** Operator timeouts of the fault suite: short, but longer than the outages the tests inject. */
    static final Map<String, String> TIMEOUTS = Map.of(
            "dlt.timeouts.launch", "30s",
            "dlt.timeouts.reach", "20s",
            "dlt.timeouts.start-lead", "2s",
            "dlt.timeouts.finish-grace", "60s",
            "dlt.timeouts.collect", "15s");
    static final Duration POLL = Duration.ofMillis(300);

    private final LocalCloud cloud;
    private final Path work;

    private FaultCloud(LocalCloud cloud, Path work) {
        this.cloud = cloud;
        this.work = work;
    }

    static FaultCloud start() {
        try {
            Path work = Files.createTempDirectory("dlt-faults-");
            LocalCloud cloud = LocalCloud.start(work, LocalCloudExtension.root().resolve("crds"), LocalCloudExtension.withArchives());
            cloud.startOperator(LocalCloudExtension.root().resolve("operator/target/quarkus-app/quarkus-run.jar"), work, POLL,
                    Map.of(), TIMEOUTS);
            return new FaultCloud(cloud, work);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fault cloud", e);
        }
    }

    LocalCloud cloud() {
        return cloud;
    }

    Kubelet kubelet() {
        return cloud.kubelet();
    }

    LoadTests tests() {
        return new LoadTests(cloud.kubernetes());
    }

    /** Brings back everything a test may have stopped, frozen or changed. */
    void heal() throws IOException, InterruptedException {
        Kubelet kubelet = cloud.kubelet();
        kubelet.release();
        kubelet.clearFaults();
        kubelet.runAgentsAsProcesses(false);
        if (cloud.s3Server().running()) {
            cloud.s3Server().thaw();
        } else {
            cloud.s3Server().restart();
        }
        if (cloud.dynamoServer().running()) {
            cloud.dynamoServer().thaw();
        } else {
            cloud.dynamoServer().restart();
        }
        if (!cloud.operator().alive()) {
            cloud.restartOperator();
        }
    }

    /** Closes the cloud and deletes its files, unless {@code -Ddlt.e2e.keep=true} keeps them (logs of every JVM) to look at. */
    @Override
    public void close() throws IOException {
        cloud.close();
        if (Boolean.getBoolean("dlt.e2e.keep")) {
            System.out.println("fault cloud files kept in " + work);
            return;
        }
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
