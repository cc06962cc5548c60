package dev.dlt.operator.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bounds in the unit of their metric, and what is wrong with the others, field by field. */
class ThresholdParserTest {

    @Test
    void readsDurationsPercentagesAndNumbers() {
        assertThat(ThresholdParser.parseValid("p95", null, "300ms", null).bound()).isEqualTo(300.0);
        assertThat(ThresholdParser.parseValid("p99", null, "1.5s", null).bound()).isEqualTo(1500.0);
        assertThat(ThresholdParser.parseValid("max", null, "2m", null).bound()).isEqualTo(120_000.0);
        assertThat(ThresholdParser.parseValid("avg", null, "0.25ms", null).bound()).isEqualTo(0.25);
        assertThat(ThresholdParser.parseValid("errorRate", null, "0.5%", null).bound()).isEqualTo(0.5);
        assertThat(ThresholdParser.parseValid("rps", null, null, "250.5").bound()).isEqualTo(250.5);
        Threshold requests = ThresholdParser.parseValid("requests", "checkout", null, "1000");
        assertThat(requests.direction()).isEqualTo(Threshold.Direction.ABOVE);
        assertThat(requests.describe()).isEqualTo("requests[checkout] above 1000");
    }

    @Test
    void namesTheFieldOfEachProblem() {
        assertThat(problem("latency", "1s", null)).isEqualTo(new ThresholdParser.Problem("metric",
                "'latency' is not a metric; use one of p50, p90, p95, p99, max, avg, errorRate, rps, requests"));
        assertThat(problem("p95", "300", null)).isEqualTo(new ThresholdParser.Problem("below",
                "'300' is not a duration; p95 takes a duration such as 300ms, 1.5s or 1m"));
        assertThat(problem("p95", "fast", null).field()).isEqualTo("below");
        assertThat(problem("errorRate", null, "1").field()).isEqualTo("above");
        assertThat(problem("errorRate", "101%", null).message()).startsWith("'101%' is not a percentage from 0% to 100%");
        assertThat(problem("rps", null, "10ms").message()).isEqualTo("'10ms' is not a plain number; rps takes a plain number such as 100 or 2.5");
        assertThat(problem("p50", "1s", "2s")).isEqualTo(new ThresholdParser.Problem("above", "set exactly one of below or above"));
        assertThat(problem("p50", null, null)).isEqualTo(new ThresholdParser.Problem("below", "set exactly one of below or above"));
        assertThat(problem("p50", "1\ns", null).message()).startsWith("'1?s' is not a bound");
    }

    private static ThresholdParser.Problem problem(String metric, String below, String above) {
        var parsed = ThresholdParser.parse(metric, null, below, above);
        assertThat(parsed.threshold()).isNull();
        return parsed.problems().getFirst();
    }
}
