package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Coordinated omission, shown on the local cloud: a target that answers in 10 ms but stalls for 1 s
 * every 10 s, loaded for 11 s (so every run holds one whole stall) by 3 workers, once with the open
 * model and once with the closed one. The open model keeps sending during the stall, so the 1/11 of
 * its requests that fall due in it wait out the rest of it: its p99 is about 0.89 s. The closed model's
 * users simply wait, sending one request each during the stall: its p99 stays near 10 ms.
 */
@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenModelEndToEndTest {

    private static final Duration STALL = Duration.ofSeconds(1);
    private TargetServer target;
    private LoadTests tests;

    @BeforeAll
    void start(LocalCloud cloud) throws Exception {
        tests = new LoadTests(cloud.kubernetes());
        target = TargetServer.start(InetAddress.getByName("127.0.98.3"), 0, TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10)));
        target.stallEvery(Duration.ofSeconds(10), STALL);
    }

    @AfterAll
    void stop() {
        target.close();
    }

    @Test
    void theOpenModelsP99ShowsTheStallAndItsRateIsTheRequestedOne() {
        target.reset();
        Map<String, Object> result = run("open", "concurrency: 200, holdFor: 11s, arrivalRate: {rate: 150}");

        // 1/11 of the iterations wait out the rest of the stall: p99 is about 0.89 s, the slowest waited all of it
        assertThat(ms(result, "p99Ms")).isGreaterThanOrEqualTo(0.8 * STALL.toMillis());
        assertThat(ms(result, "maxMs")).isGreaterThanOrEqualTo(0.95 * STALL.toMillis());
        Map<String, Object> open = LoadTestView.map(result.get("openModel"));
        assertThat(LoadTestView.number(open.get("requestedRate"))).isEqualTo(150.0);
        assertThat(LoadTestView.number(open.get("droppedIterations"))).isZero();
        // 3 workers x ceil(50/s x 11 s) iterations, all sent, all counted by the target
        assertThat(LoadTestView.number(open.get("dueIterations"))).isEqualTo(3 * 550);
        assertThat((long) LoadTestView.number(result.get("requests"))).isEqualTo(3 * 550).isEqualTo(target.counters().requests());
        assertThat(LoadTestView.number(open.get("achievedRate"))).isBetween(0.99 * 150, 150.0);
        // the service time, from the actual send, sees the same stall: requests were sent on time
        assertThat(LoadTestView.number(open.get("serviceP99Ms"))).isGreaterThanOrEqualTo(0.8 * STALL.toMillis());
        tests.delete("open");
    }

    @Test
    void theClosedModelsP99HidesTheStall() {
        target.reset();
        Map<String, Object> result = run("closed", "concurrency: 4, holdFor: 11s");

        // its max still holds the stall, but only the 12 requests in flight during it saw it, out of thousands
        assertThat(ms(result, "maxMs")).isGreaterThanOrEqualTo(0.5 * STALL.toMillis());
        assertThat(ms(result, "p99Ms")).isLessThan(0.5 * STALL.toMillis());
        assertThat(result).doesNotContainKey("openModel");
        assertThat((long) LoadTestView.number(result.get("requests"))).isEqualTo(target.counters().requests());
        tests.delete("closed");
    }

    private Map<String, Object> run(String name, String load) {
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: %s, namespace: default}
                spec:
                  scenario:
                    requests: [{label: page, url: "%spage"}]
                  load: {%s}
                  workers: [{backend: eks-fargate, count: 3}]
                """.formatted(name, target.baseUri(), load));
        LoadTestView done = tests.await(name, LoadTestView::terminal, Duration.ofMinutes(2));
        assertThat(done.phase()).as(done.message()).isEqualTo("Succeeded");
        System.getLogger(OpenModelEndToEndTest.class.getName()).log(System.Logger.Level.INFO, "{0} model result: {1}", name, done.result());
        return done.result();
    }

    private static double ms(Map<String, Object> result, String field) {
        return LoadTestView.number(result.get(field));
    }
}
