package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A LoadTest's life on the local cloud with the packaged operator: re-runs by the run-now annotation
 * (and none from re-applying the same manifest), cancel by spec.suspend keeping what the workers
 * stored, and a schedule every minute that runs twice and stops when suspended.
 */
@ExtendWith(LocalCloudExtension.class)
class LifecycleEndToEndTest {

    private static final String RUN_NOW = "load.dlt.dev/run-now";
    private CloudTestBed bed;
    private LoadTests tests;
    private TargetServer target;

    @BeforeEach
    void start(CloudTestBed bed) throws Exception {
        this.bed = bed;
        tests = bed.tests();
        target = bed.target("127.0.98.20", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)));
    }

    @Test
    void aNewRunNowTokenRunsAgainAndTheSameManifestAppliedTwiceRunsOnce() {
        String manifest = """
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: rerun, namespace: default, annotations: {"load.dlt.dev/run-now": "%s"}}
                spec:
                  scenario: {requests: [{url: "%s"}]}
                  load: {concurrency: 2, holdFor: 2s}
                  workers: [{backend: eks-fargate, count: 1}]
                """;
        tests.apply(manifest.formatted("1", target.baseUri()));
        LoadTestView first = bed.awaitSucceeded("rerun", Duration.ofSeconds(60));
        tests.reapply(manifest.formatted("1", target.baseUri())); // an Argo CD sync of the unchanged manifest

        tests.annotate("rerun", RUN_NOW, "2");
        LoadTestView second = tests.await("rerun", v -> v.terminal() && !v.run().get("id").equals(first.run().get("id")),
                Duration.ofSeconds(60));

        assertThat(second.phase()).as(second.message()).isEqualTo("Succeeded");
        assertThat(second.run().get("trigger")).isEqualTo("RunNow");
        List<Map<String, Object>> history = LoadTestView.list(second.status().get("history"));
        assertThat(history).extracting(h -> h.get("trigger")).containsExactly("RunNow", "SpecChange");
        assertThat(history).extracting(h -> h.get("runId")).containsExactly(second.run().get("id"), first.run().get("id"));
        assertThat(bed.runItems("default/rerun")).extracting(i -> i.get("trigger").s()).containsExactlyInAnyOrder("SpecChange", "RunNow");
        tests.delete("rerun");
    }

    @Test
    void suspendingARunningTestCancelsItAndKeepsWhatTheWorkersStored() throws Exception {
        bed.startLongRun("suspended", target);

        tests.setSpec("suspended", "suspend", true);

        LoadTestView done = tests.await("suspended", LoadTestView::terminal, Duration.ofSeconds(60));
        assertThat(done.phase()).as(done.message()).isEqualTo("Cancelled");
        assertThat(LoadTestView.string(done.condition("Completed").get("message"))).startsWith("suspended by spec.suspend at ");
        long requests = (long) LoadTestView.number(done.result().get("requests"));
        assertThat(requests).as("the partial result").isPositive().isLessThanOrEqualTo(target.counters().requests());
        assertThat(LoadTestView.list(done.status().get("history"))).singleElement()
                .satisfies(h -> assertThat(h.get("phase")).isEqualTo("Cancelled"));
        assertThat(bed.runItems("default/suspended")).singleElement().satisfies(i -> {
            assertThat(i.get("phase").s()).isEqualTo("Cancelled");
            assertThat(i.get("requests").n()).isEqualTo(Long.toString(requests));
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tests.pods("suspended").isEmpty());
        CloudTestBed.assertNoMoreLoad(target);
        tests.delete("suspended");
    }

    @Test
    void aScheduleEveryMinuteRunsTwiceAndStopsWhenSuspended() {
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: minutely, namespace: default}
                spec:
                  schedule: "* * * * *"
                  scenario: {requests: [{url: "%s"}]}
                  load: {concurrency: 1, holdFor: 1s}
                  workers: [{backend: eks-fargate, count: 1}]
                """.formatted(target.baseUri()));
        LoadTestView waiting = tests.await("minutely", v -> "Pending".equals(v.phase()), Duration.ofSeconds(30));
        assertThat(LoadTestView.string(waiting.status().get("nextRunAt"))).endsWith(":00Z");

        LoadTestView twice = tests.await("minutely", v -> v.terminal() && LoadTestView.list(v.status().get("history")).size() == 2,
                Duration.ofSeconds(200));
        tests.setSpec("minutely", "suspend", true);
        LoadTestView suspended = tests.await("minutely", v -> v.status().get("nextRunAt") == null && v.message().startsWith("suspended"),
                Duration.ofSeconds(30));

        assertThat(LoadTestView.list(twice.status().get("history"))).extracting(h -> h.get("trigger")).containsOnly("Schedule");
        assertThat(LoadTestView.list(twice.status().get("history"))).extracting(h -> h.get("phase")).containsOnly("Succeeded");
        assertThat(LoadTestView.list(suspended.status().get("history"))).hasSize(2);
        assertThat(bed.runItems("default/minutely")).hasSize(2);
        tests.delete("minutely");
    }
}
