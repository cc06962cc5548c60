package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One short LoadTest of the fault suite, and the checks every fault test ends with: the run ended,
 * once, with exactly the requests the target counted for the workers that reported, recorded exactly
 * once in DynamoDB, no worker left and no pod launched twice.
 */
final class FaultRun implements AutoCloseable {

    /** How long any run of the suite may take to end once its fault is healed. */
    static final Duration END_WITHIN = Duration.ofSeconds(150);
    static final String REGION = "eks";

    private final FaultCloud faults;
    private final LoadTests tests;
    private final String name;
    private final Set<String> podUids = ConcurrentHashMap.newKeySet();
    private final Watch podWatch;

    private FaultRun(FaultCloud faults, String name) {
        this.faults = faults;
        this.tests = faults.tests();
        this.name = name;
        // every pod ever created for this test: a restarted operator must adopt its pods, not launch them again
        this.podWatch = faults.cloud().kubernetes().pods().inNamespace(LoadTests.NAMESPACE).withLabel("load.dlt.dev/test", name)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                        podUids.add(pod.getMetadata().getUid());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // the test ends the watch
                    }
                });
    }

    /**
     * Applies LoadTest {@code name}: {@code workers} workers, each with 2 users looping over
     * {@code url} for 1 s ramp-up and {@code holdSeconds} s; {@code extraSpec} is added to the spec
     * (e.g. {@code healthyThreshold: 60}).
     */
    static FaultRun apply(FaultCloud faults, String name, String url, int workers, int holdSeconds, String extraSpec) {
        FaultRun run = new FaultRun(faults, name);
        run.tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario: {requests: [{label: page, url: "%s"}]}
                  load: {concurrency: 2, rampUp: 1s, holdFor: %ds}
                  workers: [{backend: eks-fargate, count: %d}]
                %s
                """.formatted(name, url, holdSeconds, workers, extraSpec.isBlank() ? "" : "  " + extraSpec));
        return run;
    }

    String name() {
        return name;
    }

    LoadTestView view() {
        return tests.get(name);
    }

    LoadTestView awaitPhase(String phase, Duration within) {
        return await(v -> phase.equals(v.phase()) || v.terminal(), within);
    }

    LoadTestView awaitEnd() {
        return awaitEnd(END_WITHIN);
    }

    LoadTestView awaitEnd(Duration within) {
        return await(LoadTestView::terminal, within);
    }

    /** Waits for {@code condition}, and fails at once (with the end of its log) when the operator has died meanwhile. */
    private LoadTestView await(java.util.function.Predicate<LoadTestView> condition, Duration within) {
        // runs that share a deadline get one last look once it has passed
        Duration atMost = within.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : within;
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .failFast("the operator died; see " + faults.cloud().operator().logFile(), () -> !faults.cloud().operator().alive())
                .until(this::view, v -> v != null && condition.test(v));
    }

    /** When the load of the run ends, from the start instant in its status and the spec's 1 s + hold. */
    Instant loadEnd(int holdSeconds) {
        LoadTestView running = tests.await(name, v -> !LoadTestView.string(v.run().get("startedAt")).isEmpty(), Duration.ofSeconds(60));
        return Instant.parse(LoadTestView.string(running.run().get("startedAt"))).plusSeconds(1 + holdSeconds);
    }

    /** Waits until {@code workers} workers' own reports ({@code <worker>.json}, their last upload) are in S3. */
    void awaitReportsUploaded(int workers, Duration within) {
        String runId = LoadTestView.string(tests.await(name, v -> !LoadTestView.string(v.run().get("id")).isEmpty(), within).run().get("id"));
        String prefix = "results/" + LoadTests.NAMESPACE + "/" + name + "/" + runId + "/" + REGION + "/";
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> faults.cloud().s3()
                .listObjectsV2(b -> b.bucket(LocalCloud.BUCKET).prefix(prefix)).contents().stream()
                .filter(o -> o.key().matches(".*/w[0-9]+\\.json")).count() == workers);
    }

    /** Waits until every worker pod of the run has ended (its results are uploaded, or never will be). */
    void awaitWorkersEnded(Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Pod> workers = tests.pods(name).stream()
                    .filter(p -> "worker".equals(p.getMetadata().getLabels().get("load.dlt.dev/role"))).toList();
            return !workers.isEmpty() && workers.stream().allMatch(p -> p.getStatus() != null
                    && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())));
        });
    }

    /**
     * The run Succeeded with exactly {@code requests}, reported by {@code reported} workers; it is
     * recorded exactly once, and nothing of it is left running.
     */
    void assertSucceededOnce(LoadTestView done, long requests, int reported) {
        assertThat(done.phase()).as("phase; message: %s; conditions: %s", done.message(), done.status().get("conditions"))
                .isEqualTo("Succeeded");
        assertThat(LoadTestView.number(LoadTestView.map(done.run().get("workers")).get("reported"))).as("run.workers.reported")
                .isEqualTo(reported);
        assertSucceededOnce(done, requests);
    }

    /**
     * As {@link #assertSucceededOnce(LoadTestView, long, int)} without the count of workers that
     * reported (a worker whose files were refused did report; PartialResults says so).
     */
    void assertSucceededOnce(LoadTestView done, long requests) {
        assertThat(done.phase()).as("phase; message: %s; conditions: %s", done.message(), done.status().get("conditions"))
                .isEqualTo("Succeeded");
        assertThat(requestsOf(done)).as("status.result.requests").isPositive().isEqualTo(requests);
        assertRecordedOnce(done);
        assertNothingLeft();
    }

    /** Condition PartialResults is True and names exactly {@code workerIds} (as {@code eks/<id>}). */
    void assertPartialResultsName(LoadTestView done, List<String> workerIds, int workers) {
        Map<String, Object> partial = done.condition("PartialResults");
        assertThat(partial.get("status")).as("PartialResults condition: %s", partial).isEqualTo("True");
        String message = LoadTestView.string(partial.get("message"));
        for (int i = 0; i < workers; i++) {
            String worker = REGION + "/w" + i;
            if (workerIds.contains("w" + i)) {
                assertThat(message).as("PartialResults names the excluded worker").contains(worker + ":");
            } else {
                assertThat(message).as("PartialResults names only the excluded workers").doesNotContain(worker + ":");
            }
        }
    }

    /** Exactly one {@code RUN#} item of this run plus {@code LATEST}, both with the status's requests; condition Recorded True. */
    void assertRecordedOnce(LoadTestView done) {
        String runId = LoadTestView.string(done.run().get("id"));
        String testId = LoadTests.NAMESPACE + "/" + name;
        List<Map<String, AttributeValue>> items = faults.cloud().dynamo().scanPaginator(b -> b.tableName(LocalCloud.TABLE)
                        .consistentRead(true).filterExpression("testId = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromS(testId))))
                .items().stream().toList();
        List<Map<String, AttributeValue>> runs = items.stream().filter(i -> i.get("sk").s().startsWith("RUN#")).toList();
        assertThat(runs).as("RUN# items of %s", testId).hasSize(1);
        assertThat(runs.getFirst().get("sk").s()).endsWith("#" + runId);
        assertThat(runs.getFirst().get("requests").n()).isEqualTo(Long.toString(requestsOf(done)));
        List<Map<String, AttributeValue>> latest = items.stream().filter(i -> "LATEST".equals(i.get("sk").s())).toList();
        assertThat(latest).as("LATEST item of %s", testId).hasSize(1);
        assertThat(latest.getFirst().get("runId").s()).isEqualTo(runId);
        assertThat(latest.getFirst().get("requests").n()).isEqualTo(Long.toString(requestsOf(done)));
        assertThat(items).as("items of %s: one RUN# and LATEST", testId).hasSize(2);
        assertThat(done.condition("Recorded").get("status")).as("Recorded condition: %s", done.condition("Recorded")).isEqualTo("True");
    }

    /** No pod of the run left, no agent running, and no pod ever created twice (1 leader + the workers). */
    void assertNothingLeft() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> tests.pods(name).isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> faults.kubelet().runningPods() == 0);
        int desired = (int) LoadTestView.number(LoadTestView.map(view().run().get("workers")).get("desired"));
        assertThat(podUids).as("pods created for %s (workers + leader)", name).hasSize(desired + 1);
    }

    static long requestsOf(LoadTestView view) {
        return (long) LoadTestView.number(view.result().get("requests"));
    }

    @Override
    public void close() {
        podWatch.close();
        tests.delete(name);
    }
}
