package dev.dlt.bench.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark suite: runs each benchmark as its own command, one after the other (each pairs
 * its own side-by-side measurements, interleaved), reads the last RESULT line of each, prints one
 * table of ratios with the command of every row and writes it to bench/RESULTS.md. Loopback only;
 * every command has a time bound, so the suite always ends.
 *
 * <p>Options: {@code --quick} (fewer rounds), {@code --only engine,coldstart,operator,cloud,aggregation,spread}.
 */
public final class Suite {

    /**
     * The aggregation benchmark (1000 workers × 20 labels from S3). It runs
     * once it is on the class path, and fills its row once it prints a {@link dev.dlt.bench.ResultLine}
     * last. -Dsuite.aggregation.main / -Dsuite.aggregation.args override these.
     */
    static final String AGGREGATION_MAIN = System.getProperty("suite.aggregation.main", "dev.dlt.bench.AggregationBench");
    static final String AGGREGATION_ARGS = System.getProperty("suite.aggregation.args", "--workers 1000 --labels 20");
    /** The start spread benchmark (N = 100/300/1000, with DLT's scheme beside it); as {@link #AGGREGATION_MAIN}. */
    static final String START_SPREAD_MAIN = System.getProperty("suite.spread.main", "dev.dlt.bench.startspread.StartSpreadBench");
    static final String START_SPREAD_ARGS = System.getProperty("suite.spread.args", "--workers 100,300,1000 --rounds 3");

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only.addAll(List.of(args[++i].split(",")));
            } else if (!args[i].equals("--quick")) {
                throw new IllegalArgumentException("usage: Suite [--quick] [--only engine,coldstart,operator,cloud,aggregation,spread]");
            }
        }
        Path root = Path.of(System.getProperty("dlt.root", ".")).toAbsolutePath().normalize();
        Machine machine = Machine.describe();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        System.out.println("machine: " + machine.summary());
        Map<BenchCommand, BenchCommand.Outcome> outcomes = new LinkedHashMap<>();
        for (BenchCommand command : commands(quick)) {
            if (!only.isEmpty() && !only.contains(command.name())) {
                continue;
            }
            if (!command.available()) {
                System.out.println("== " + command.name() + ": " + command.mainClass() + " is not on the class path; row left empty");
                outcomes.put(command, null);
                continue;
            }
            System.out.println("== " + command.name() + ": " + command.display());
            BenchCommand.Outcome outcome = command.run(root);
            System.out.printf("== %s: %s in %.0f s%n", command.name(), outcome.status(), outcome.seconds());
            outcomes.put(command, outcome);
        }
        List<Row> rows = SuiteTable.rows(outcomes);
        String table = SuiteTable.markdown(rows);
        System.out.println();
        System.out.println(table);
        if (!only.isEmpty()) {
            System.out.println("bench/RESULTS.md is left as it was: it keeps the table of a whole run");
            return;
        }
        Path results = root.resolve("bench/RESULTS.md");
        Files.writeString(results, SuiteTable.document(started, machine, table, outcomes));
        System.out.println("written to " + results);
    }

    static List<BenchCommand> commands(boolean quick) {
        List<BenchCommand> commands = new ArrayList<>();
        List<String> engine = new ArrayList<>(List.of("--engine-cpus", "1", "--server-cpus", "0", "--connections", "50"));
        if (dev.dlt.bench.Processes.onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            engine.add("--nginx");
        }
        engine.addAll(quick ? List.of("--rounds", "3", "--seconds", "3", "--warmup", "3")
                : List.of("--rounds", "5", "--seconds", "5", "--warmup", "5"));
        commands.add(new BenchCommand("engine", "dev.dlt.bench.EngineThroughputBench", engine, Duration.ofMinutes(4)));
        commands.add(new BenchCommand("coldstart", "dev.dlt.bench.ColdStartBench",
                List.of("--rounds", quick ? "2" : "4", "--seconds", "3", "--engine-cpus", "1", "--server-cpus", "0"),
                Duration.ofMinutes(3)));
        commands.add(new BenchCommand("operator", "dev.dlt.bench.operator.OperatorFootprintBench",
                quick ? List.of("--rounds", "1", "--idle-seconds", "5", "--loadtests", "100", "--running", "5")
                        : List.of("--rounds", "3", "--idle-seconds", "8", "--loadtests", "100", "--running", "5"),
                Duration.ofMinutes(8)));
        commands.add(new BenchCommand("cloud", "dev.dlt.bench.cloud.LocalCloudRunBench",
                List.of("--workers", quick ? "10,100" : "10,100,300", "--hold-seconds", "5"), Duration.ofMinutes(6)));
        // the two benchmarks named above; a row says NOT WIRED if its main class is missing from the class path
        commands.add(external("aggregation", AGGREGATION_MAIN, AGGREGATION_ARGS));
        commands.add(external("spread", START_SPREAD_MAIN, START_SPREAD_ARGS));
        return commands;
    }

    private static BenchCommand external(String name, String mainClass, String args) {
        return new BenchCommand(name, mainClass, args.isBlank() ? List.of() : List.of(args.trim().split("\\s+")),
                Duration.ofMinutes(6));
    }
}
