package dev.dlt.bench;

import dev.dlt.agent.engine.NativeWorkerEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first seconds of the built-in engine in a fresh JVM, as in every worker: without and with the
 * warm-up the worker does before its start instant ({@link NativeWorkerEngine#warmUp()}), rounds
 * alternating, each round a new JVM pinned to one CPU against nginx on another. Prints one
 * {@link ResultLine} last. Usage: {@code ColdStartBench [--rounds 4] [--seconds 3] [--engine-cpus 1] [--server-cpus 0]}.
 */
public final class ColdStartBench {

    private static final String CHILD = "--child";

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            if (Boolean.parseBoolean(args[3])) {
                NativeWorkerEngine.warmUp();
            }
            Measurement m = EngineRunner.run(URI.create(args[1]), 50, Integer.parseInt(args[2]));
            System.out.println(EngineProcess.RESULT + m.encode());
            return;
        }
        int rounds = 4;
        int seconds = 3;
        String engineCpus = "1";
        String serverCpus = "0";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--engine-cpus" -> engineCpus = args[++i];
                case "--server-cpus" -> serverCpus = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Measurement> plain = new ArrayList<>();
        List<Measurement> warmed = new ArrayList<>();
        try (NginxServer nginx = NginxServer.start(serverCpus)) {
            for (int round = 1; round <= rounds; round++) {
                for (boolean warm : new boolean[] {false, true}) {
                    Measurement m = child(nginx.uri(), seconds, warm, engineCpus);
                    (warm ? warmed : plain).add(m);
                    System.out.printf("round %d, fresh JVM, %s: %s%n", round, warm ? "warmed up before the start" : "no warm-up",
                            m.describe());
                }
            }
        }
        ResultLine result = new ResultLine("coldstart").put("rounds", rounds).put("seconds", seconds);
        for (String kind : List.of("plain", "warmed")) {
            List<Measurement> ms = kind.equals("plain") ? plain : warmed;
            result.put(kind + "_max_ms", Stats.of(ms.stream().map(m -> m.maxMicros() / 1000.0).toList()).token("%.1f"))
                    .put(kind + "_over100ms", Stats.of(ms.stream().map(Measurement::over100ms).toList()).token("%.0f"))
                    .put(kind + "_p99_ms", Stats.of(ms.stream().map(m -> m.p99Micros() / 1000.0).toList()).token("%.2f"));
        }
        result.print();
    }

    private static Measurement child(URI url, int seconds, boolean warm, String cpus) throws Exception {
        Process process = Processes.start(Processes.pinned(cpus, Processes.java(ColdStartBench.class, CHILD, url.toString(),
                String.valueOf(seconds), String.valueOf(warm))));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(EngineProcess.RESULT)) {
                    return Measurement.decode(line.substring(EngineProcess.RESULT.length()));
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        throw new IllegalStateException("the engine JVM ended without a result");
    }
}
