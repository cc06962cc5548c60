package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.localcloud.LocalCloud;
import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live results on the local cloud: while a 16 s run goes on, status.progress changes with growing
 * numbers and the operator exposes dlt_live_* metrics; at the end the timeline and the HTML report
 * are in S3 next to the results and hold the aggregate's numbers.
 */
@ExtendWith(LocalCloudExtension.class)
class LiveResultsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[0-9.]+:[0-9]+)");

    private CloudTestBed bed;
    private LoadTests tests;
    private LocalCloud cloud;
    private TargetServer target;

    @BeforeEach
    void start(CloudTestBed bed) throws Exception {
        this.bed = bed;
        tests = bed.tests();
        cloud = bed.cloud();
        target = bed.target("127.0.97.1", TargetConfig.DEFAULT
                .withLatencyMix(List.of(new TargetConfig.Latency(4, Duration.ofMillis(2)), new TargetConfig.Latency(1, Duration.ofMillis(30))))
                .withErrorRate(0.02).withBodySize(128));
    }

    @Test
    void progressAndMetricsMoveDuringTheRunAndTheReportHoldsTheResult() throws Exception {
        String url = target.baseUri().toString();
        tests.apply("""
                apiVersion: load.dlt.dev/v1alpha1
                kind: LoadTest
                metadata: {name: live, namespace: default}
                spec:
                  scenario:
                    requests:
                      - {label: home, url: "%shome"}
                      - {label: search, url: "%ssearch"}
                  load: {concurrency: 2, rampUp: 1s, holdFor: 15s}
                  workers: [{backend: eks-fargate, count: 2}]
                """.formatted(url, url));

        List<Long> progressRequests = new ArrayList<>();
        String metricsLine = null;
        String lastScraped = null;
        URI metrics = URI.create(operatorUrl() + "/q/metrics");
        LoadTestView view = tests.await("live", v -> !v.phase().isEmpty(), Duration.ofMinutes(1));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!view.terminal() && System.nanoTime() < deadline) {
            Map<String, Object> progress = LoadTestView.map(view.status().get("progress"));
            if ("Running".equals(view.phase()) && progress.get("requests") != null) {
                long requests = (long) LoadTestView.number(progress.get("requests"));
                if (requests > 0 && (progressRequests.isEmpty() || progressRequests.getLast() != requests)) {
                    progressRequests.add(requests);
                }
                if (metricsLine == null) {
                    lastScraped = liveRequestsLine(metrics);
                    if (lastScraped != null && value(lastScraped) > 0) {
                        metricsLine = lastScraped;
                    }
                }
            }
            Thread.sleep(200);
            view = tests.get("live");
        }

        assertThat(view.phase()).as(view.message()).isEqualTo("Succeeded");
        assertThat(progressRequests).as("status.progress.requests seen while Running").hasSizeGreaterThanOrEqualTo(3)
                .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(metricsLine).as("a positive dlt_live_requests_total of the running test; last scraped: " + lastScraped).isNotNull();
        Map<String, Object> progress = LoadTestView.map(view.status().get("progress"));
        assertThat(LoadTestView.number(progress.get("workersExpected"))).isEqualTo(2);
        assertThat(LoadTestView.number(progress.get("workersReporting"))).isEqualTo(2);

        Map<String, Object> result = view.result();
        long requests = (long) LoadTestView.number(result.get("requests"));
        assertThat(requests).isEqualTo(target.counters().requests());
        String runId = (String) view.run().get("id");
        String prefix = "results/default/live/" + runId + "/";
        assertThat(result.get("reportUrl")).as(() -> "events " + tests.eventsOf("live") + "; operator log: "
                        + cloud.operator().log().lines().filter(l -> l.contains("report") || l.contains("ERROR")).toList())
                .isEqualTo("s3://" + LocalCloud.BUCKET + "/" + prefix + "report.html");

        String html = bed.object(prefix + "report.html");
        // kept as a build artifact: the README's screenshot is of such a report
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "live-report.html"), html);
        Document report = Jsoup.parse(html);
        assertThat(report.select("script")).isEmpty();
        assertThat(report.selectFirst("#summary td[data-field=requests]").text()).isEqualTo(Long.toString(requests));
        assertThat(report.selectFirst("#summary td[data-field=failures]").text())
                .isEqualTo(Long.toString((long) LoadTestView.number(result.get("failures"))));
        assertThat(report.selectFirst("#summary td[data-field=p95-ms]").text()).isNotEmpty();
        assertThat(report.getElementById("verdict").text()).startsWith("Succeeded");
        assertThat(report.select("#per-label td.l").eachText()).containsExactlyInAnyOrder("home", "search");
        assertThat(Integer.parseInt(report.getElementById("charts").attr("data-points"))).isGreaterThanOrEqualTo(10);

        JsonNode timeline = JSON.readTree(bed.object(prefix + "timeline.json"));
        long inTimeline = 0;
        for (JsonNode point : timeline.get("points")) {
            inTimeline += point.get("total").get("requests").asLong();
        }
        if (timeline.get("missedIntervals").asLong() == 0) {
            assertThat(inTimeline).as("the intervals add up to the result").isEqualTo(requests);
        } else {
            assertThat(inTimeline).isLessThan(requests);
        }
        tests.delete("live");
    }

    private String operatorUrl() {
        Matcher m = LISTENING.matcher(cloud.operator().log());
        if (!m.find()) {
            throw new IllegalStateException("the operator log does not say where it listens");
        }
        return m.group(1);
    }

    private static double value(String metricsLine) {
        return Double.parseDouble(metricsLine.substring(metricsLine.lastIndexOf(' ') + 1));
    }

    /** The dlt_live_requests_total line of this test, or null while there is none. */
    private static String liveRequestsLine(URI metrics) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith("dlt_live_requests_total{") && l.contains("loadtest=\"live\"")
                    && l.contains("namespace=\"default\"")).findFirst().orElse(null);
        }
    }
}
