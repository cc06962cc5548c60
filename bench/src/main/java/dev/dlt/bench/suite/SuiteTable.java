package dev.dlt.bench.suite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the benchmarks' RESULT values into the suite's rows, and the rows into bench/RESULTS.md. */
final class SuiteTable {

    /** Goals of issue 8 and the figures of locust-operator v2 (Go) quoted there. */
    static final double READY_GOAL_MS = 2000;
    static final double READY_ANCHOR_MS = 1000;
    /** The goal and the anchor are in MB (10^6 bytes); RSS is measured in MiB. */
    static final double RSS_GOAL_MIB = 150e6 / (1 << 20);
    static final double RSS_ANCHOR_MIB = 64e6 / (1 << 20);
    /** The Helm chart's default memory limit (resources.limits.memory). */
    static final double CHART_LIMIT_MIB = 512;

    private static final List<String> VARIANTS = List.of("chart_before", "tuned", "tuned_appcds", "tuned_aot");

    private SuiteTable() {
    }

    static List<Row> rows(Map<BenchCommand, BenchCommand.Outcome> outcomes) {
        List<Row> rows = new ArrayList<>();
        outcomes.forEach((command, outcome) -> {
            Map<String, String> r = outcome == null ? Map.of() : outcome.result();
            String cmd = command.display();
            switch (command.name()) {
                case "engine" -> engineRows(rows, r, cmd);
                case "coldstart" -> coldStartRows(rows, r, cmd);
                case "operator" -> operatorRows(rows, r, cmd);
                case "cloud" -> cloudRows(rows, r, cmd);
                default -> rows.add(externalRow(command, outcome, r));
            }
            if (r.isEmpty() && outcome != null) {
                rows.add(new Row(command.name() + ": no RESULT line (" + outcome.status() + ")", "", "", "", cmd));
            }
        });
        return rows;
    }

    private static void engineRows(List<Row> rows, Map<String, String> r, String cmd) {
        if (!r.containsKey("engine_rps")) {
            return;
        }
        String setup = " (" + r.get("connections") + " connections, " + r.get("pinned") + ")";
        Figure ratio = Figure.of(r, "ratio_rps");
        rows.add(new Row("Built-in engine, requests/s on one core" + setup, show(r, "engine_rps", "%.0f", ""),
                "wrk -t1: " + show(r, "wrk_rps", "%.0f", ""), ratio == null ? "" : ratio.show("%.2f", ""), cmd));
        rows.add(pair(r, "CPU per request", "engine_cpu_us", "wrk_cpu_us", "%.1f", " µs", cmd));
        rows.add(pair(r, "latency p50", "engine_p50_ms", "wrk_p50_ms", "%.2f", " ms", cmd));
        rows.add(pair(r, "latency p99", "engine_p99_ms", "wrk_p99_ms", "%.2f", " ms", cmd));
        rows.add(pair(r, "latency max", "engine_max_ms", "wrk_max_ms", "%.1f", " ms", cmd));
        rows.add(pair(r, "samples > 100 ms per round", "engine_over100ms", "wrk_over100ms", "%.0f", "", cmd));
    }

    private static void coldStartRows(List<Row> rows, Map<String, String> r, String cmd) {
        if (!r.containsKey("plain_max_ms")) {
            return;
        }
        String what = "Built-in engine, first " + r.get("seconds") + " s of a fresh worker JVM (50 users), ";
        Figure plain = Figure.of(r, "plain_max_ms");
        rows.add(new Row(what + "latency max, warmed up before the start", show(r, "warmed_max_ms", "%.1f", " ms"),
                "without warm-up: " + show(r, "plain_max_ms", "%.1f", " ms"),
                plain == null ? "" : Figure.ratio(Figure.of(r, "warmed_max_ms"), plain.median()), cmd));
        Figure plainOver = Figure.of(r, "plain_over100ms");
        rows.add(new Row(what + "samples > 100 ms, warmed up", show(r, "warmed_over100ms", "%.0f", ""),
                "without warm-up: " + show(r, "plain_over100ms", "%.0f", ""),
                plainOver == null ? "" : Figure.ratio(Figure.of(r, "warmed_over100ms"), plainOver.median()), cmd));
    }

    private static Row pair(Map<String, String> r, String what, String ours, String theirs, String format, String unit, String cmd) {
        Figure wrk = Figure.of(r, theirs);
        return new Row("Built-in engine, " + what, show(r, ours, format, unit), "wrk: " + show(r, theirs, format, unit),
                wrk == null ? "" : Figure.ratio(Figure.of(r, ours), wrk.median()), cmd);
    }

    private static void operatorRows(List<Row> rows, Map<String, String> r, String cmd) {
        for (String variant : VARIANTS) {
            Figure ready = Figure.of(r, "ready_ms_" + variant);
            if (ready != null) {
                rows.add(new Row("Operator start → /q/health/ready, JVM options " + variant, ready.show("%.0f", " ms"),
                        "goal 2 s; locust-operator v2 < 1 s", versus(ready, READY_GOAL_MS, READY_ANCHOR_MS), cmd));
            }
        }
        for (String variant : VARIANTS) {
            Figure rss = Figure.of(r, "rss_idle_mib_" + variant);
            if (rss != null) {
                rows.add(new Row("Operator idle RSS, JVM options " + variant, rss.show("%.0f", " MiB"),
                        "goal 150 MB (143 MiB); locust-operator v2 64 MB (61 MiB)", versus(rss, RSS_GOAL_MIB, RSS_ANCHOR_MIB), cmd));
            }
        }
        Figure afterRun = Figure.of(r, "rss_after_run_mib");
        if (afterRun != null) {
            rows.add(new Row("Operator idle RSS after its first LoadTest run (" + r.get("loaded_variant")
                    + "; the AWS SDK is built at the first LoadTest)", afterRun.show("%.0f", " MiB"),
                    "goal 150 MB (143 MiB) is for the idle operator; locust-operator v2 64 MB (61 MiB)",
                    versus(afterRun, RSS_GOAL_MIB, RSS_ANCHOR_MIB), cmd));
        }
        Figure loaded = Figure.of(r, "rss_loaded_mib");
        if (loaded != null) {
            rows.add(new Row("Operator RSS with " + r.get("loadtests") + " LoadTests run and " + r.get("running")
                    + " running (" + r.get("loaded_variant") + "); peak " + r.get("peak_rss_loaded_mib") + " MiB",
                    loaded.show("%.0f", " MiB"), "chart limit 512 MiB", Figure.ratio(loaded, CHART_LIMIT_MIB), cmd));
        }
    }

    private static String versus(Figure figure, double goal, double anchor) {
        return Figure.ratio(figure, goal) + " of goal, " + Figure.ratio(figure, anchor) + " of anchor";
    }

    private static void cloudRows(List<Row> rows, Map<String, String> r, String cmd) {
        r.keySet().stream().filter(k -> k.matches("n\\d+_ready_s")).forEach(key -> {
            String n = key.substring(0, key.indexOf('_'));
            rows.add(new Row("Local cloud, " + n.substring(1) + " workers (hold " + r.get("hold_s") + " s): applied → all ready → running → results",
                    String.format(Locale.ROOT, "%s s → %s s → %s s (%s); seconds in each phase: %s", r.get(n + "_ready_s"),
                            r.get(n + "_running_s"), r.get(n + "_results_s"), r.get(n + "_phase"),
                            r.getOrDefault(n + "_phases_s", "n/a").replace(",", ", ").replace(":", " ")), "", "", cmd));
        });
    }

    private static Row externalRow(BenchCommand command, BenchCommand.Outcome outcome, Map<String, String> r) {
        String what = command.name().equals("aggregation")
                ? "Aggregation 1000 workers × 20 labels from S3, -Xmx256m and the chart's JVM options (seconds: median of collections 3–5 in one JVM, each with a new collector; the cold and first warm one beside it)"
                : "Start spread at N = 100/300/1000 (real gates + leader) vs DLT's scheme (start on 'start', Pool().map)";
        String goal = command.name().equals("aggregation") ? "goal ≤ 3 s, ≤ 256 MB heap, error ≤ 0.1 %" : "goal ≤ 20 ms at 1000, acks ≤ 2 s";
        if (outcome == null) {
            return new Row(what, "NOT WIRED: " + command.mainClass() + " is not on the class path (branch not merged)",
                    goal, "", command.display());
        }
        StringBuilder values = new StringBuilder();
        r.forEach((key, value) -> {
            if (!key.equals("bench")) {
                values.append(values.isEmpty() ? "" : ", ").append(key).append('=').append(value);
            }
        });
        return new Row(what, values.toString(), goal, r.getOrDefault("ratio", ""), command.display());
    }

    private static String show(Map<String, String> r, String key, String format, String unit) {
        Figure figure = Figure.of(r, key);
        return figure == null ? "n/a" : figure.show(format, unit);
    }

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder("| measured | DLT Operator: median (min–max) | yardstick | ratio | command |\n")
                .append("|---|---|---|---|---|\n");
        rows.forEach(row -> table.append(row.markdown()).append('\n'));
        return table.toString();
    }

    static String document(Instant started, Machine machine, String table, Map<BenchCommand, BenchCommand.Outcome> outcomes) {
        StringBuilder doc = new StringBuilder("# Benchmark results (latest run of the suite)\n\n")
                .append("Written by `bench/run-all.sh` (`dev.dlt.bench.suite.Suite`); do not edit by hand.\n\n")
                .append("- Date: ").append(started).append(" (UTC)\n")
                .append("- Machine: ").append(machine.summary()).append("; ").append(Machine.currentLoadAverage()).append(" at the end\n")
                .append("- `$CP` in the commands is `bench/target/classes:$(cat bench/target/bench.classpath)`, which ")
                .append("`bench/run-all.sh` builds. Figures are median (min–max) over the benchmark's rounds; ratios ")
                .append("are ours / yardstick (below 1 is better for times, memory and latency, above 1 for requests/s).\n\n")
                .append(table).append("\n## Runs\n\n");
        outcomes.forEach((command, outcome) -> {
            doc.append("- `").append(command.name()).append("`: ");
            if (outcome == null) {
                doc.append("not run (").append(command.mainClass()).append(")\n");
            } else {
                doc.append(outcome.status()).append(String.format(Locale.ROOT, ", %.0f s", outcome.seconds()));
                StringBuilder line = new StringBuilder();
                outcome.result().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
                doc.append(line.isEmpty() ? "\n" : "; `RESULT" + line + "`\n");
            }
        });
        return doc.toString();
    }
}
