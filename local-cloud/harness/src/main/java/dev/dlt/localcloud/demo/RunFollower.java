package dev.dlt.localcloud.demo;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Applies a manifest to a local cloud's API server and follows its LoadTest, printing each change of phase or message. */
final class RunFollower {

    private final long t0;
    private String last = "";
    private java.util.function.LongSupplier targetRequests = () -> 0;
    private boolean firstRequestSeen;

    RunFollower(long t0) {
        this.t0 = t0;
    }

    /** Times from the start of this JVM, so that a run's start-up time includes the JVM's own. */
    static RunFollower sinceJvmStart() {
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, java.time.Instant.now()).toNanos()).orElse(0L);
        return new RunFollower(System.nanoTime() - sinceStart);
    }

    /** Says when the first request reaches the target that {@code requests} counts. */
    void watchTarget(java.util.function.LongSupplier requests) {
        this.targetRequests = requests;
    }

    void say(String line) {
        System.out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, line);
    }

    /** Creates every resource of {@code manifest}; returns its LoadTest. */
    GenericKubernetesResource apply(KubernetesClient kube, Path manifest) throws java.io.IOException {
        List<GenericKubernetesResource> resources;
        try (InputStream in = Files.newInputStream(manifest)) {
            resources = kube.load(in).items().stream()
                    .map(r -> kube.getKubernetesSerialization().convertValue(r, GenericKubernetesResource.class)).toList();
        }
        GenericKubernetesResource test = null;
        for (GenericKubernetesResource resource : resources) {
            kube.genericKubernetesResources(resource.getApiVersion(), resource.getKind()).inNamespace(namespace(resource))
                    .resource(resource).create();
            say("applied " + resource.getKind() + " " + namespace(resource) + "/" + resource.getMetadata().getName() + " from " + manifest.getFileName());
            if ("LoadTest".equals(resource.getKind())) {
                test = resource;
            }
        }
        if (test == null) {
            throw new IllegalArgumentException(manifest + " has no LoadTest");
        }
        return test;
    }

    static String namespace(GenericKubernetesResource resource) {
        return resource.getMetadata().getNamespace() == null ? "default" : resource.getMetadata().getNamespace();
    }

    /** The LoadTest once it ends, or empty when it was deleted before it ended. */
    Optional<LoadTestView> follow(Supplier<GenericKubernetesResource> read, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            GenericKubernetesResource resource = read.get();
            if (resource == null) {
                return Optional.empty();
            }
            if (!firstRequestSeen && targetRequests.getAsLong() > 0) {
                firstRequestSeen = true;
                say("first request reached the target");
            }
            LoadTestView view = new LoadTestView(resource);
            String line = String.format(Locale.ROOT, "%-10s %s", view.phase(), view.message());
            if (!line.equals(last) && !view.phase().isEmpty()) {
                say(line);
                last = line;
            }
            if (view.terminal()) {
                return Optional.of(view);
            }
            Thread.sleep(firstRequestSeen ? 250 : 50);
        }
        throw new IllegalStateException("the LoadTest did not finish within " + timeout);
    }

    /** The phase and message seen last, for saying what a deleted run was doing. */
    String lastSeen() {
        return last.isEmpty() ? "before it started" : "in phase " + last.strip();
    }
}
