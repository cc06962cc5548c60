package dev.dlt.results.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dlt.results.taurus.FinalStatus;
import dev.dlt.results.taurus.GroupStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultRecorderTest {

    @Test
    void countsEverySampleFromManyThreads() throws Exception {
        ResultRecorder recorder = new ResultRecorder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    boolean ok = i % 10 != 0;
                    recorder.record(i % 2 == 0 ? "even" : "odd", 2_000, 1_000, i < 5 ? 300 : 0, 50, ok ? "200" : "500", ok);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        recorder.concurrency(8);

        FinalStatus status = recorder.snapshot(12.5).status();

        assertThat(status.testDurationSeconds()).isEqualTo(12.5);
        assertThat(status.groups()).containsOnlyKeys("even", "odd", "");
        GroupStats all = status.overall().orElseThrow();
        assertThat(all.throughput()).isEqualTo(80_000);
        assertThat(all.fail()).isEqualTo(8_000);
        assertThat(all.succ()).isEqualTo(72_000);
        assertThat(all.bytes()).isEqualTo(4_000_000);
        assertThat(all.concurrency()).isEqualTo(8);
        assertThat(all.responseCodes()).containsEntry("200", 72_000L).containsEntry("500", 8_000L);
        assertThat(all.avgRt()).isCloseTo(0.002, within(1e-12));
        assertThat(all.stdevRt()).isCloseTo(0.0, within(1e-9));
        assertThat(all.avgLt()).isCloseTo(0.001, within(1e-12));
        assertThat(all.percentile(95.0)).isCloseTo(0.002, within(0.002 * 0.001));
        assertThat(status.groups().get("even").throughput()).isEqualTo(40_000);
    }

    @Test
    void reportsPercentileLevelsTaurusReports() {
        ResultRecorder recorder = new ResultRecorder();
        for (int i = 1; i <= 1000; i++) {
            recorder.record("a", i * 1000L, 0, 0, 0, "200", true);
        }
        GroupStats a = recorder.snapshot(1).status().groups().get("a");
        assertThat(a.percentiles()).containsOnlyKeys(0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0);
        assertThat(a.percentile(0.0)).isCloseTo(0.001, within(1e-6));
        assertThat(a.percentile(50.0)).isCloseTo(0.5, within(0.0005));
        assertThat(a.percentile(99.0)).isCloseTo(0.99, within(0.001));
        assertThat(a.percentile(100.0)).isCloseTo(1.0, within(0.001));
        // population standard deviation of 1..1000 ms
        assertThat(a.stdevRt()).isCloseTo(0.288675, within(1e-5));
    }
}
