package dev.dlt.operator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.ProgressStatus;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class RunMetricsLiveTest {

    @Test
    void liveNumbersAreScrapedInBaseUnitsPerTestAndGoWhenTheRunEnds() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunMetrics metrics = new RunMetrics(registry);
        ProgressStatus p = new ProgressStatus();
        p.setRequests(1200L);
        p.setFailures(12L);
        p.setRps(400.5);
        p.setErrorRate(1.5);
        p.setP95Ms(250.0);
        p.setElapsedSeconds(3.0);
        p.setRemainingSeconds(27.0);
        p.setUsers(8L);
        p.setWorkersExpected(2);
        p.setWorkersReporting(2);
        p.setWorkersStale(1);
        metrics.progress("team-a", "checkout", p);
        metrics.progress("team-b", "search", new ProgressStatus());

        String tags = "{loadtest=\"checkout\",namespace=\"team-a\"}";
        String scrape = registry.scrape().replace(",}", "}"); // the simpleclient format ends labels with a comma
        assertThat(scrape).contains("dlt_live_requests_total" + tags + " 1200.0", "dlt_live_failures_total" + tags + " 12.0",
                "dlt_live_requests_per_second" + tags + " 400.5", "dlt_live_error_ratio" + tags + " 0.015",
                "dlt_live_response_time_p95_seconds" + tags + " 0.25", "dlt_live_elapsed_seconds" + tags + " 3.0",
                "dlt_live_remaining_seconds" + tags + " 27.0", "dlt_live_users" + tags + " 8.0",
                "dlt_live_workers_expected" + tags + " 2.0", "dlt_live_workers_reporting" + tags + " 2.0",
                "dlt_live_workers_stale" + tags + " 1.0");

        metrics.progressEnded("team-a", "checkout");
        assertThat(registry.scrape()).doesNotContain("loadtest=\"checkout\"").contains("loadtest=\"search\"");
    }

    @Test
    void seriesOfARunThatStoppedBeingFollowedExpire() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RunMetrics metrics = new RunMetrics(registry);
        metrics.progress("team-a", "deleted", at("2026-11-30T12:00:00Z"));
        metrics.progress("team-b", "running", at("2026-11-30T12:20:00Z"));
        assertThat(registry.scrape()).contains("loadtest=\"deleted\"");
        metrics.progress("team-b", "running", at("2026-11-30T12:31:00Z"));
        assertThat(registry.scrape()).doesNotContain("loadtest=\"deleted\"").contains("loadtest=\"running\"");
    }

    private static ProgressStatus at(String instant) {
        ProgressStatus p = new ProgressStatus();
        p.setUpdatedAt(instant);
        p.setRequests(1L);
        return p;
    }
}
