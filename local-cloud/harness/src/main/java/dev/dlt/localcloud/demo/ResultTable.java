package dev.dlt.localcloud.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats a LoadTest's result as the table the local run prints. */
public final class ResultTable {

    private static final String ROW = "%-24s %10s %10s %9s %9s %9s %9s %9s %9s%n";

    private ResultTable() {
    }

    public static String format(LoadTestView view) {
        Map<String, Object> result = view.result();
        Map<String, Object> run = view.run();
        StringBuilder out = new StringBuilder();
        Map<String, Object> workers = LoadTestView.map(run.get("workers"));
        out.append(String.format(Locale.ROOT, "run %s: %s%n", LoadTestView.string(run.get("id")), view.message()));
        out.append(String.format(Locale.ROOT, "workers %d (reported %d, failed %d), start skew %d ms, duration %.2f s%n%n",
                (long) LoadTestView.number(workers.get("desired")), (long) LoadTestView.number(workers.get("reported")),
                (long) LoadTestView.number(workers.get("failed")), (long) LoadTestView.number(run.get("startSkewMs")),
                LoadTestView.number(result.get("durationSeconds"))));
        out.append(String.format(Locale.ROOT, ROW, "label", "requests", "rps", "errors %", "avg ms", "p50 ms", "p90 ms", "p95 ms", "p99 ms"));
        List<Map<String, Object>> rows = new ArrayList<>(LoadTestView.list(result.get("perLabel")));
        for (Map<String, Object> row : rows) {
            out.append(row(LoadTestView.string(row.get("label")), row));
        }
        for (Map<String, Object> region : LoadTestView.list(result.get("perRegion"))) {
            out.append(row("region " + LoadTestView.string(region.get("label")), region));
        }
        out.append(row("TOTAL", result));
        return out.toString();
    }

    private static String row(String label, Map<String, Object> r) {
        return String.format(Locale.ROOT, ROW, label.length() > 24 ? label.substring(0, 23) + "~" : label,
                String.format(Locale.ROOT, "%,d", (long) LoadTestView.number(r.get("requests"))),
                fixed(r.get("rps"), 1), fixed(r.get("errorRate"), 2), fixed(r.get("avgMs"), 2), fixed(r.get("p50Ms"), 2),
                fixed(r.get("p90Ms"), 2), fixed(r.get("p95Ms"), 2), fixed(r.get("p99Ms"), 2));
    }

    private static String fixed(Object value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", LoadTestView.number(value));
    }
}
