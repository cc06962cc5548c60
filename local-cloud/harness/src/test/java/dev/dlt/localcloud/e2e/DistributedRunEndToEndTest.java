package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The whole run on the local cloud with the packaged operator: 3 worker pods plus a leader, against
 * a target whose latency mix and error rate are known, checked against what the target counted.
 */
@ExtendWith(LocalCloudExtension.class)
class DistributedRunEndToEndTest {

    @Test
    void resultsInStatusAndDynamoDbMatchWhatTheTargetSaw(CloudTestBed bed) throws Exception {
        LoadTests tests = bed.tests();
        // 80 % of requests take 2 ms, 20 % take 60 ms; every 20th request is a 500
        TargetServer target = bed.target("127.0.98.1", TargetConfig.DEFAULT
                .withLatencyMix(List.of(new TargetConfig.Latency(4, Duration.ofMillis(2)), new TargetConfig.Latency(1, Duration.ofMillis(60))))
                .withErrorRate(0.05).withBodySize(256));
        String url = target.baseUri().toString();
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: mix, namespace: default}
                spec:
                  scenario:
                    requests:
                      - {label: page, url: "%spage"}
                      - {label: api, url: "%sapi", method: POST, headers: {Content-Type: application/json}, body: '{"a":1}'}
                  load: {concurrency: 4, rampUp: 1s, holdFor: 4s}
                  workers: [{backend: eks-fargate, count: 3}]
                """.formatted(url, url));

        LoadTestView done = bed.awaitSucceeded("mix", Duration.ofMinutes(2));

        Map<String, Object> result = done.result();
        long requests = (long) LoadTestView.number(result.get("requests"));
        long failures = (long) LoadTestView.number(result.get("failures"));
        assertThat(requests).isPositive().isEqualTo(target.counters().requests());
        assertThat(failures).isEqualTo(target.counters().errors());
        assertThat(target.counters().requestsByPath()).containsOnlyKeys("/page", "/api");
        // the latency mix puts the median at the fast 2 ms class and p95 in the slow 60 ms class
        assertThat(LoadTestView.number(result.get("p50Ms"))).isBetween(2.0, 20.0);
        assertThat(LoadTestView.number(result.get("p95Ms"))).isBetween(60.0, 90.0);
        assertThat(result.get("percentilesExact")).isEqualTo(true);
        List<Map<String, Object>> labels = LoadTestView.list(result.get("perLabel"));
        assertThat(labels).extracting(l -> l.get("label")).containsExactlyInAnyOrder("page", "api");
        assertThat(labels.stream().mapToLong(l -> (long) LoadTestView.number(l.get("requests"))).sum()).isEqualTo(requests);
        assertThat(target.counters().requestsByPath().get("/api")).isEqualTo(labelRequests(labels, "api"));

        Map<String, Object> run = done.run();
        Map<String, Object> workers = LoadTestView.map(run.get("workers"));
        assertThat(LoadTestView.number(workers.get("desired"))).isEqualTo(3);
        assertThat(LoadTestView.number(workers.get("reported"))).isEqualTo(3);
        assertThat(run.get("startSkewMs")).isNotNull();

        Map<String, AttributeValue> latest = bed.item("default/mix", "LATEST");
        assertThat(latest.get("runId").s()).isEqualTo(run.get("id"));
        assertThat(Long.parseLong(latest.get("requests").n())).isEqualTo(requests);
        assertThat(Long.parseLong(latest.get("failures").n())).isEqualTo(failures);
        assertThat(Double.parseDouble(latest.get("p95Ms").n())).isEqualTo(LoadTestView.number(result.get("p95Ms")));
        assertThat(bed.runItems("default/mix")).singleElement().satisfies(h -> assertThat(h.get("requests").n()).isEqualTo(Long.toString(requests)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tests.pods("mix").isEmpty());
        assertThat(bed.cloud().kubernetes().secrets().inNamespace("default").withLabel("load.dlt.dev/run", (String) run.get("id")).list().getItems())
                .isEmpty();
        tests.delete("mix");
    }

    private static long labelRequests(List<Map<String, Object>> labels, String label) {
        return labels.stream().filter(l -> label.equals(l.get("label"))).mapToLong(l -> (long) LoadTestView.number(l.get("requests")))
                .sum();
    }
}
