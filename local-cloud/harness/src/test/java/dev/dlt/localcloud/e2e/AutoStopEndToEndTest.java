package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auto-stop on the local cloud: a run planned for two minutes against a target that starts failing
 * half of its requests once the run is under way is stopped by its abortOnFail threshold on the
 * fleet's live numbers, long before its planned end; it ends Succeeded with verdict Failed
 * (AbortedOnThreshold) and the breach in the condition, the run status and an Event.
 */
@ExtendWith(LocalCloudExtension.class)
class AutoStopEndToEndTest {

    @Test
    void aTargetThatStartsFailingStopsTheRunEarlyWithTheBreachInTheVerdict(CloudTestBed bed) throws Exception {
        LoadTests tests = bed.tests();
        TargetServer target = bed.target("127.0.98.31", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(2)));
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: autostop, namespace: default}
                spec:
                  scenario:
                    requests: [{label: page, url: "%spage"}]
                  load: {concurrency: 2, rampUp: 1s, holdFor: 2m}
                  workers: [{backend: eks-fargate, count: 2}]
                  thresholds:
                    - {metric: errorRate, below: 5%%, abortOnFail: true, abortDelay: 2s}
                """.formatted(target.baseUri()));

        // healthy until the live numbers show requests: then half of them fail
        tests.await("autostop", v -> LoadTestView.number(LoadTestView.map(v.status().get("progress")).get("requests")) > 0, Duration.ofMinutes(1));
        target.reconfigure(target.config().withErrorRate(0.5));

        LoadTestView ended = tests.await("autostop", LoadTestView::terminal, Duration.ofSeconds(100));

        assertThat(ended.phase()).as("ends by the normal rules, not Cancelled: %s", ended.message()).isEqualTo("Succeeded");
        assertThat(ended.result().get("verdict")).isEqualTo("Failed");
        String breach = LoadTestView.string(ended.run().get("abortedOnThreshold"));
        assertThat(breach).startsWith("errorRate below 5% broke at ").contains("over the fleet's last");
        Map<String, Object> passed = ended.condition("Passed");
        assertThat(passed.get("reason")).isEqualTo("AbortedOnThreshold");
        assertThat(LoadTestView.string(passed.get("message"))).startsWith("Failed: stopped early: " + breach);
        Instant started = Instant.parse(LoadTestView.string(ended.run().get("startedAt")));
        Instant finished = Instant.parse(LoadTestView.string(ended.run().get("finishedAt")));
        assertThat(finished).as("stopped before the planned 2m 1s").isBefore(started.plusSeconds(121));
        assertThat(tests.eventsOf("autostop")).anySatisfy(e -> {
            assertThat(e.get("reason")).isEqualTo("AbortedOnThreshold");
            assertThat(e.get("type")).isEqualTo("Warning");
        });
        tests.delete("autostop");
    }
}
