package dev.dlt.bench.startspread;

import dev.dlt.agent.gate.LeaderSettings;
import dev.dlt.agent.gate.StartClock;
import dev.dlt.agent.gate.StartGate;
import dev.dlt.agent.gate.StartLeader;
import dev.dlt.agent.gate.StartSignal;
import dev.dlt.results.layout.LeaderReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Start spread at scale: N real start gates on their own loopback addresses and one real leader that
 * starts them all with the signed protocol; each gate's worker waits for the instant as the agent
 * does and records when it actually started. Prints the spread of actual starts, the p99 distance
 * from the instant, and the time until every ACK was back.
 *
 * <pre>java -cp ... dev.dlt.bench.startspread.StartSpreadBench [--workers 100,300,1000] [--rounds 3] [--lead-ms 2000]</pre>
 */
public final class StartSpreadBench {

    private static final byte[] SECRET = "start-spread-benchmark-secret-32".getBytes(StandardCharsets.UTF_8);

    private StartSpreadBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(100, 300, 1000);
        int rounds = 3;
        long leadMs = 2_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workers" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--lead-ms" -> leadMs = Long.parseLong(args[++i]);
                default -> {
                    System.out.println("usage: StartSpreadBench [--workers 100,300,1000] [--rounds 3] [--lead-ms 2000]");
                    return;
                }
            }
        }
        System.out.printf("java %s, %d CPUs, lead %d ms, %d rounds per size%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), leadMs, rounds);
        // a random second octet, so that two runs at once rarely probe the same addresses
        int firstOctet = 10 + ThreadLocalRandom.current().nextInt(200);
        dev.dlt.bench.ResultLine line = new dev.dlt.bench.ResultLine("spread");
        for (int size : sizes) {
            List<SpreadResult> results = new ArrayList<>();
            double[] dlt = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                SpreadResult result = measure(size, firstOctet, leadMs, "run-" + size + "-" + round);
                results.add(result);
                dlt[round - 1] = DltSchemeSpread.measure(size, firstOctet);
                System.out.printf("round %d: %s; DLT's scheme: spread %.3f ms%n", round, result.line(), dlt[round - 1]);
            }
            double spread = median(results.stream().mapToDouble(SpreadResult::spreadMs).toArray());
            double p99 = median(results.stream().mapToDouble(SpreadResult::p99AbsoluteOffsetMs).toArray());
            long acks = (long) median(results.stream().mapToDouble(SpreadResult::ackMillis).toArray());
            double dltSpread = median(dlt);
            System.out.printf("N=%d median of %d rounds: spread %.3f ms, p99|start-instant| %.3f ms, all ACKs after %d ms (worst %d ms);"
                            + " DLT's scheme: spread %.3f ms%n", size, rounds, spread, p99, acks,
                    results.stream().mapToLong(SpreadResult::ackMillis).max().orElse(-1), dltSpread);
            line.put("spread_ms_" + size, spread).put("p99_offset_ms_" + size, p99).put("acks_ms_" + size, acks)
                    .put("dlt_spread_ms_" + size, dltSpread);
            if (size == sizes.getLast()) {
                line.put("ratio", spread / dltSpread);
            }
        }
        line.print();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static SpreadResult measure(int workers, int firstOctet, long leadMs, String runId) throws Exception {
        Clock clock = Clock.systemUTC();
        try (LoopbackGates gates = LoopbackGates.open(workers, firstOctet, "bench", runId, SECRET, clock)) {
            if (gates.skipped() > 0) {
                System.out.println("  (" + gates.skipped() + " loopback addresses in use, skipped)");
            }
            AtomicLongArray startedAtMicros = new AtomicLongArray(workers);
            AtomicLongArray instants = new AtomicLongArray(workers);
            List<Thread> waiting = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int index = i;
                StartGate gate = gates.gates().get(i);
                waiting.add(Thread.ofVirtual().start(() -> {
                    try {
                        StartSignal signal = gate.awaitSignal(Duration.ofMinutes(2)).orElse(null);
                        if (signal == null) {
                            return;
                        }
                        StartClock.sleepUntil(clock, signal.startAtMs());
                        Instant started = clock.instant();
                        startedAtMicros.set(index, started.getEpochSecond() * 1_000_000 + started.getNano() / 1_000);
                        instants.set(index, signal.startAtMs());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            LeaderSettings settings = new LeaderSettings(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMillis(leadMs));
            LeaderReport report = new StartLeader("bench", runId, "local", SECRET, settings, clock).start(gates.addresses());
            for (Thread thread : waiting) {
                thread.join(Duration.ofMinutes(3));
            }
            long[] offsets = new long[workers];
            int started = 0;
            for (int i = 0; i < workers; i++) {
                if (startedAtMicros.get(i) != 0) {
                    offsets[started++] = startedAtMicros.get(i) - instants.get(i) * 1_000;
                }
            }
            long lastAck = report.workers().stream().mapToLong(LeaderReport.Ack::ackReceivedAtMs).max().orElse(0);
            long acked = report.workers().stream().filter(LeaderReport.Ack::acknowledged).count();
            return new SpreadResult(workers, started, (int) acked, java.util.Arrays.copyOf(offsets, started),
                    lastAck == 0 ? -1 : lastAck - report.sentAtMs());
        }
    }
}
