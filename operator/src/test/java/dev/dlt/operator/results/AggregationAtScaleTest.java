package dev.dlt.operator.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.record.ResultRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1000 workers × 20 labels, collected and summarised in a JVM with a 256 MB heap (the old path
 * needed ~5 GB): every worker is aggregated, and every merged percentile is within 0.1 % of the
 * percentile of all samples pooled.
 */
class AggregationAtScaleTest {

    private static final int WORKERS = 1000;
    private static final int LABELS = 20;
    private static final int SAMPLES = 100;
    private static final double[] LEVELS = {50, 90, 95, 99};

    @TempDir
    Path dir;

    @Test
    void thousandWorkersInASmallHeapMatchPooledTruth() throws Exception {
        Map<String, long[]> truth = writeWorkers();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath(), AggregationAtScale.class.getName(),
                dir.toString(), "run-scale", String.valueOf(WORKERS))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        System.out.println("1000 workers x 20 labels in -Xmx256m: " + output.lines().findFirst().orElse(""));

        assertThat(output).as(output).contains("aggregated " + WORKERS + " excluded 0 requests " + (long) WORKERS * LABELS * SAMPLES);
        List<String> labels = output.lines().filter(l -> l.startsWith("label\t")).toList();
        assertThat(labels).hasSize(LABELS + 1);
        for (String line : labels) {
            String[] f = line.split("\t");
            long[] pooled = truth.get(f[1]);
            assertThat(Long.parseLong(f[2])).as(f[1]).isEqualTo(pooled.length);
            for (int i = 0; i < LEVELS.length; i++) {
                double expected = exactPercentile(pooled, LEVELS[i]);
                assertThat(Double.parseDouble(f[3 + i])).as("p%s of %s", LEVELS[i], f[1]).isCloseTo(expected, within(expected * 0.001 + 0.001));
            }
            assertThat(Double.parseDouble(f[7])).as("max of %s", f[1]).isCloseTo(pooled[pooled.length - 1] / 1e3,
                    within(pooled[pooled.length - 1] / 1e6 + 0.001));
        }
    }

    /** Writes every worker's files as the agent does; returns every sample per label (and overall), sorted. */
    private Map<String, long[]> writeWorkers() throws IOException {
        DirectoryStore store = new DirectoryStore(dir);
        WorkerUploads uploads = new WorkerUploads(store);
        ResultKeys keys = AggregationAtScale.plan("run-scale", WORKERS).keys(AggregationAtScale.plan("run-scale", WORKERS).regions().get(0));
        Map<String, long[]> samples = new HashMap<>();
        long[] overall = new long[WORKERS * LABELS * SAMPLES];
        int o = 0;
        Random random = new Random(1000);
        for (int w = 0; w < WORKERS; w++) {
            ResultRecorder recorder = new ResultRecorder();
            // workers see different latencies, so averaging their percentiles would be wrong
            double median = 2_000 * (1 + w % 17);
            for (int l = 0; l < LABELS; l++) {
                String label = "label-" + l;
                long[] values = samples.computeIfAbsent(label, x -> new long[WORKERS * SAMPLES]);
                for (int s = 0; s < SAMPLES; s++) {
                    long micros = Math.max(50, Math.round(median * (1 + l / 10.0) * Math.exp(random.nextGaussian())));
                    recorder.record(label, micros, micros / 2, 20, 512, s % 50 == 0 ? "503" : "200", s % 50 != 0);
                    values[w * SAMPLES + s] = micros;
                    overall[o++] = micros;
                }
            }
            uploads.upload(keys, "w" + w, recorder.snapshot(60), 1_800_000_000_000L + w);
        }
        samples.put("<overall>", overall);
        samples.values().forEach(Arrays::sort);
        return samples;
    }

    private static double exactPercentile(long[] sorted, double level) {
        int rank = (int) Math.ceil(level / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e3;
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        List<String> entries = new ArrayList<>(List.of((surefire != null ? surefire : System.getProperty("java.class.path")).split(java.io.File.pathSeparator)));
        return String.join(java.io.File.pathSeparator, entries);
    }
}
