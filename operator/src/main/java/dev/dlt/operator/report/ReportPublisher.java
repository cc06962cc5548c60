package dev.dlt.operator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.live.LiveRun;
import dev.dlt.operator.live.LiveTracker;
import dev.dlt.operator.live.TimelinePoint;
import dev.dlt.operator.plan.RegionPlan;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.results.layout.ResultKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores an ended run's timeline ({@code timeline.json}) and HTML report ({@code report.html}) next
 * to its results, and points {@code status.result.reportUrl} at the report. Storing again overwrites.
 */
public class ReportPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final LiveTracker live;

    public ReportPublisher(ObjectStore store, LiveTracker live) {
        this.store = store;
        this.live = live;
    }

    /** @throws RuntimeException when S3 fails (nothing is set in status then) */
    public void publish(LoadTest test, LoadTestStatus status, RunPlan plan) {
        if (plan.regions().isEmpty()) {
            return;
        }
        RegionPlan first = plan.regions().getFirst();
        ResultKeys keys = plan.keys(first);
        String startedAt = status.getRun().getStartedAt();
        LiveRun run = startedAt == null ? new LiveRun(Instant.EPOCH, Duration.ZERO) : live.last(plan, Instant.parse(startedAt));
        List<TimelinePoint> points = run.points();
        double pointSeconds = run.pointMs() / 1000.0;
        store.put(first.bucket(), keys.timeline(), timeline(status, points, pointSeconds, run.missedIntervals()), "application/json");
        String html = RunReport.html(test, status, points, pointSeconds, run.missedIntervals());
        // the page declares its charset itself: S3Proxy refuses the signature of a content type with parameters
        store.put(first.bucket(), keys.report(), html.getBytes(StandardCharsets.UTF_8), "text/html");
        ResultStatus result = status.getResult();
        if (result != null) {
            result.setReportUrl("s3://" + first.bucket() + "/" + keys.report());
            live.settings().reportBaseUrl().map(base -> base.replaceAll("/+$", "") + "/" + keys.report())
                    .ifPresent(result::setReportHttpsUrl);
        }
    }

    /** Drops the run's live state once it is stored. */
    public void forget(String runId) {
        live.forget(runId);
    }

    private static byte[] timeline(LoadTestStatus status, List<TimelinePoint> points, double pointSeconds, long missed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "dlt-timeline/1");
        doc.put("runId", status.getRun().getId());
        doc.put("startedAt", status.getRun().getStartedAt());
        doc.put("pointSeconds", pointSeconds);
        doc.put("missedIntervals", missed);
        doc.put("points", points);
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the timeline", e);
        }
    }
}
