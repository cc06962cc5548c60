package dev.dlt.operator.report;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static String field(Document doc, String name) {
        Element cell = doc.selectFirst("#summary td[data-field=" + name + "]");
        return cell == null ? null : cell.text();
    }
}
