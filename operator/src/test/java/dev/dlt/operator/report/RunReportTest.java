package dev.dlt.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.operator.api.ComparedFigures;
import dev.dlt.operator.api.ComparisonStatus;
import dev.dlt.operator.api.LabelComparisonStatus;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.verdict.Verdict;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private static final String HOSTILE = ReportFixtures.HOSTILE;

    @Test
    void reportHoldsTheAggregateTablesAndOneLinePerChartWithoutScriptOrFetch() {
        String html = ReportFixtures.report();
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[src], link[href]")).as("nothing fetched").isEmpty();
        assertThat(doc.getElementById("verdict").text()).contains("Succeeded").contains("1000 requests");
        assertThat(field(doc, "requests")).isEqualTo("1000");
        assertThat(field(doc, "p95-ms")).isEqualTo("12.5");
        assertThat(field(doc, "start-skew-ms")).isEqualTo("4");
        assertThat(doc.getElementById("charts").attr("data-points")).isEqualTo("4");
        assertThat(doc.select("svg.chart").size()).isGreaterThanOrEqualTo(5);
        assertThat(doc.select("svg.chart polyline.series")).allSatisfy(line ->
                assertThat(line.attr("points").split(" ")).hasSize(4));
        assertThat(doc.select("#per-label td.l").eachText()).containsExactly("page", HOSTILE);
        assertThat(doc.getElementById("settings").text()).contains("concurrency");
        assertThat(html).doesNotContain(HOSTILE);
    }

    @Test
    void aRunWithoutLiveRecordsSaysWhyThereAreNoCharts() {
        Document doc = Jsoup.parse(RunReport.html(ReportFixtures.loadTest(), ReportFixtures.status(), List.of(), 0, 0));
        assertThat(doc.select("svg")).isEmpty();
        assertThat(doc.text()).contains("No live records arrived");
    }

    @Test
    void theVerdictOnTheThresholdsAndTheComparisonWithTheBaselineAreShown() {
        LoadTestStatus status = ReportFixtures.status();
        status.getResult().setVerdict(Verdict.Failed);
        List<io.fabric8.kubernetes.api.model.Condition> conditions = new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
        conditions.add(new ConditionBuilder().withType(Conditions.PASSED).withStatus("False").withReason("ThresholdsBroken")
                .withMessage("1 of 1 thresholds broken: p95 below 10ms: 12.5ms (FAIL) " + HOSTILE).build());
        status.setConditions(conditions);
        ComparisonStatus comparison = new ComparisonStatus();
        comparison.setBaselineRunId("run-before");
        LabelComparisonStatus overall = new LabelComparisonStatus();
        overall.setLabel("");
        overall.setLatency("Slower");
        overall.setErrors("NoChange");
        overall.setBaseline(figures(6.0, 0.5));
        overall.setCurrent(figures(12.5, 0.5));
        overall.setChangePercent(figures(108.3, 0.0));
        overall.setKsPValue(1e-9);
        comparison.setLabels(List.of(overall));
        status.setComparison(comparison);

        Document doc = Jsoup.parse(RunReport.html(ReportFixtures.loadTest(), status, List.of(), 0, 0));

        assertThat(doc.getElementById("thresholds").text()).contains("Verdict on the thresholds: Failed")
                .contains("p95 below 10ms: 12.5ms (FAIL)").contains(HOSTILE);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("h2").eachText()).contains("Compared with run run-before");
        assertThat(doc.select("#comparison tr").get(1).select("td").eachText())
                .startsWith("(overall)", "Slower", "NoChange")
                .contains("6 → 12.5 (+108.3%)");
    }

    private static ComparedFigures figures(double p95, double errorRate) {
        ComparedFigures f = new ComparedFigures();
        f.setP50Ms(p95 / 2);
        f.setP95Ms(p95);
        f.setP99Ms(p95 * 2);
        f.setErrorRate(errorRate);
        f.setRps(100.0);
        return f;
    }

    private static String field(Document doc, String name) {
        Element cell = doc.selectFirst("#summary td[data-field=" + name + "]");
        return cell == null ? null : cell.text();
    }
}
