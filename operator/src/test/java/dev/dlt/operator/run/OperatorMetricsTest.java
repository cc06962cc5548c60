package dev.dlt.operator.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.ResultStatus;
import dev.dlt.operator.api.RunStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The names, units and labels of the metrics /q/metrics shows, as Prometheus scrapes them, and their list in docs/metrics.md. */
class OperatorMetricsTest {

    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$", Pattern.MULTILINE);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private String scrape;

    @BeforeEach
    void recordARunAndAReconcile() throws Exception {
        LoadTest test = new LoadTest();
        test.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("shop").build());
        LoadTestStatus status = new LoadTestStatus();
        status.setPhase(Phase.Succeeded);
        RunStatus run = new RunStatus();
        run.setCreatedAt("2026-11-23T10:00:00Z");
        run.setFinishedAt("2026-11-23T10:01:30Z");
        run.setStartSkewMs(250L);
        status.setRun(run);
        ResultStatus result = new ResultStatus();
        result.setRequests(600L);
        result.setFailures(6L);
        result.setBytes(4096L);
        status.setResult(result);
        RunMetrics runs = new RunMetrics(registry);
        runs.phaseEntered(test, "Running");
        runs.runEnded(test, status);

        ReconcileMetrics reconciles = new ReconcileMetrics(registry);
        Map<String, Object> controller = Map.of(Constants.CONTROLLER_NAME, "loadtest");
        reconciles.reconciliationStarted(test, controller);
        reconciles.reconciliationSucceeded(test, controller);
        reconciles.reconciliationFailed(test, null, new IllegalStateException("boom"), controller);
        reconciles.eventReceived(null, controller);
        reconciles.timeControllerExecution(new Execution());
        scrape = registry.scrape();
    }

    @Test
    void runMetricsAreInBaseUnitsAndNameTheirTest() {
        assertThat(scrape)
                .contains("dlt_runs_total{loadtest=\"shop\",namespace=\"team-a\",phase=\"Succeeded\",} 1.0")
                .contains("dlt_run_phases_total{loadtest=\"shop\",namespace=\"team-a\",phase=\"Running\",} 1.0")
                .contains("dlt_run_requests_total{loadtest=\"shop\",namespace=\"team-a\",} 600.0")
                .contains("dlt_run_failures_total{loadtest=\"shop\",namespace=\"team-a\",} 6.0")
                .contains("dlt_run_received_bytes_total{loadtest=\"shop\",namespace=\"team-a\",} 4096.0")
                .contains("dlt_run_start_skew_seconds_sum{loadtest=\"shop\",namespace=\"team-a\",} 0.25")
                .contains("dlt_run_duration_seconds_sum{loadtest=\"shop\",namespace=\"team-a\",} 90.0")
                .doesNotContain("milliseconds");
    }

    @Test
    void reconcileMetricsAreLabelledByControllerOnly() {
        assertThat(scrape)
                .contains("dlt_operator_reconciliations_started_total{controller=\"loadtest\",} 1.0")
                .contains("dlt_operator_reconciliations_succeeded_total{controller=\"loadtest\",} 1.0")
                .contains("dlt_operator_reconciliations_failed_total{controller=\"loadtest\",exception=\"IllegalStateException\",} 1.0")
                .contains("dlt_operator_events_total{controller=\"loadtest\",} 1.0")
                .contains("dlt_operator_reconcile_duration_seconds_count{controller=\"loadtest\",execution=\"reconcile\",outcome=\"success\",} 1.0");
    }

    @Test
    void everyMetricIsInTheDocsAndEveryFamilyIsInBaseUnits() throws IOException {
        Set<String> families = new TreeSet<>();
        Matcher type = TYPE.matcher(scrape);
        while (type.find()) {
            families.add(type.group(1));
            String kind = type.group(2);
            if (kind.equals("counter")) {
                assertThat(type.group(1)).endsWith("_total");
            }
            if (kind.equals("summary") || kind.equals("histogram")) {
                assertThat(type.group(1)).endsWith("_seconds");
            }
        }
        // a timer's _max gauge is documented with its summary
        families.removeIf(name -> name.endsWith("_max") && families.contains(name.substring(0, name.length() - "_max".length())));
        String docs = Files.readString(Path.of("..", "docs", "metrics.md"));
        assertThat(families).isNotEmpty().allSatisfy(name -> assertThat(docs).as("docs/metrics.md lists " + name).contains("`" + name));
    }

    /** A reconcile that returns normally. */
    private static final class Execution implements Metrics.ControllerExecution<String> {
        @Override
        public String name() {
            return "reconcile";
        }

        @Override
        public String controllerName() {
            return "loadtest";
        }

        @Override
        public String successTypeName(String result) {
            return "done";
        }

        @Override
        public ResourceID resourceID() {
            return new ResourceID("shop", "team-a");
        }

        @Override
        public Map<String, Object> metadata() {
            return Map.of();
        }

        @Override
        public String execute() {
            return "done";
        }
    }
}
