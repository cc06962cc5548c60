package dev.dlt.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.RunRef;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.live.LiveSettings;
import dev.dlt.operator.live.LiveTracker;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.live.IntervalRecorder;
import dev.dlt.results.live.LiveRecordCodec;
import dev.dlt.results.live.LiveRollup;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportPublisherTest {

    @Test
    void storesTimelineAndReportNextToTheResultsAndLinksThem() {
        Map<String, byte[]> objects = new TreeMap<>();
        ObjectStore store = new ObjectStore() {
            @Override
            public void put(String bucket, String key, byte[] content, String contentType) {
                objects.put(bucket + "/" + key, content);
            }

            @Override
            public Optional<byte[]> get(String bucket, String key) {
                return Optional.ofNullable(objects.get(bucket + "/" + key));
            }

            @Override
            public List<String> list(String bucket, String prefix) {
                return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/" + prefix)).map(k -> k.substring(bucket.length() + 1))
                        .toList();
            }
        };
        RunPlan plan = new RunPlan(new RunRef("default", "mix", "uid", "run-1"),
                List.of(new RegionPlan("eks", "eks-fargate", List.of("w-0"), "bucket", null, false)), null, "native", Duration.ofSeconds(20));
        IntervalRecorder recorder = new IntervalRecorder();
        LiveRollup rollup = new LiveRollup("w-0", "eks", ReportFixtures.START.toEpochMilli(), 5_000);
        for (int i = 0; i < 4; i++) {
            recorder.record("page", 2_000, 10, "200", true);
            rollup.add(recorder.roll(i, 1));
        }
        store.put("bucket", plan.keys(plan.regions().getFirst()).workerFile("w-0", ".live.json"),
                LiveRecordCodec.toJson(rollup.record(ReportFixtures.START.toEpochMilli() + 20_000, true)), "application/json");
        LiveTracker live = new LiveTracker(store, new LiveSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Optional.of("https://reports.example.com/")), Clock.fixed(ReportFixtures.START.plusSeconds(30), ZoneOffset.UTC));
        LoadTestStatus status = ReportFixtures.status();

        new ReportPublisher(store, live).publish(ReportFixtures.loadTest(), status, plan);

        String prefix = "results/default/mix/run-1/";
        assertThat(status.getResult().getReportUrl()).isEqualTo("s3://bucket/" + prefix + "report.html");
        assertThat(status.getResult().getReportHttpsUrl()).isEqualTo("https://reports.example.com/" + prefix + "report.html");
        assertThat(new String(objects.get("bucket/" + prefix + "report.html"), StandardCharsets.UTF_8)).contains("data-points=\"4\"");
        assertThat(new String(objects.get("bucket/" + prefix + "timeline.json"), StandardCharsets.UTF_8))
                .contains("\"format\":\"dlt-timeline/1\"").contains("\"requests\":1");
    }
}
