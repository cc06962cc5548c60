package dev.dlt.bench;

import java.net.URI;

/**
 * Command-line options of {@link EngineThroughputBench}.
 *
 * @param url         target; null starts a {@link BenchServer}
 * @param seconds     measured duration of each generator in each round
 * @param rounds      how many times the engine and wrk are measured, alternately
 * @param warmup      seconds the engine runs before it is measured (JIT warm-up)
 * @param connections virtual users of the engine, connections of wrk
 * @param engineCpus  CPU list (taskset syntax) for the engine and wrk, or "" for no pinning
 * @param serverCpus  CPU list for the started server, or "" for no pinning
 * @param engineOnly  internal: run only the engine and print its result line
 * @param nginx       start nginx (from the PATH) as the target instead of a {@link BenchServer}
 */
record BenchOptions(URI url, int seconds, int rounds, int warmup, int connections, String engineCpus, String serverCpus,
                    boolean engineOnly, boolean nginx) {

    static final String USAGE = """
            usage: EngineThroughputBench [--url http://host:port/path] [--seconds 5] [--rounds 5]
                                         [--warmup 5] [--connections 50] [--engine-cpus 0] [--server-cpus 1] [--nginx]
              Without --url a minimal keep-alive server is started (in its own JVM when pinned), or
              with --nginx an nginx serving a static file (pinned to --server-cpus).
              With taskset and 2+ CPUs the engine and wrk share --engine-cpus, the server gets
              --server-cpus; pass an empty value ("") to disable pinning.""";

    static BenchOptions parse(String[] args) {
        boolean pinnable = Processes.onPath("taskset") && Runtime.getRuntime().availableProcessors() >= 2;
        URI url = null;
        int seconds = 5;
        int rounds = 5;
        int warmup = 5;
        int connections = 50;
        String engineCpus = pinnable ? "0" : "";
        String serverCpus = pinnable ? "1" : "";
        boolean engineOnly = false;
        boolean nginx = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = URI.create(require(value, args[i++]));
                case "--seconds" -> seconds = Integer.parseInt(require(value, args[i++]));
                case "--rounds" -> rounds = Integer.parseInt(require(value, args[i++]));
                case "--warmup" -> warmup = Integer.parseInt(require(value, args[i++]));
                case "--connections" -> connections = Integer.parseInt(require(value, args[i++]));
                case "--engine-cpus" -> engineCpus = require(value, args[i++]);
                case "--server-cpus" -> serverCpus = require(value, args[i++]);
                case "--engine-only" -> engineOnly = true;
                case "--nginx" -> nginx = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new BenchOptions(url, seconds, rounds, warmup, connections, engineCpus, serverCpus, engineOnly, nginx);
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    /** The same options as arguments, for the pinned engine-only child process. */
    String[] engineOnlyArgs(URI target) {
        return new String[] {"--engine-only", "--url", target.toString(), "--seconds", String.valueOf(seconds),
                "--warmup", String.valueOf(warmup), "--connections", String.valueOf(connections)};
    }
}
