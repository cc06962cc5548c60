package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.demo.LoadTestView;
import dev.dlt.localcloud.faults.HostileOutput;
import dev.dlt.localcloud.faults.WorkerFault;
import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker that takes the real start signal and then uploads crafted files (DTD, entity expansion,
 * 450 MB, truncated, 1e30, NaN, forged histogram headers) with a report saying COMPLETED: the run
 * ends once, the hostile worker is excluded and named, and the honest worker's requests are exactly
 * what the target counted (the hostile one sends none). The variants run side by side, one
 * LoadTest each; the 450 MB one runs alone.
 */
@ExtendWith(FaultCloudExtension.class)
class HostileWorkerOutputEndToEndTest {

    private static final int WORKERS = 2;
    private static final int HOLD_SECONDS = 3;
    /** 1 of 2 workers is enough for a result here: what matters is that the hostile one is left out. */
    private static final String THRESHOLD = "healthyThreshold: 50";

    private FaultCloud faults;

    @BeforeEach
    void start(FaultCloud faults) {
        this.faults = faults;
    }

    @Test
    void hostileXmlAndHistogramsAreExcludedAndNamed() throws Exception {
        List<HostileOutput> variants = List.of(HostileOutput.XML_DTD, HostileOutput.XML_ENTITY_EXPANSION, HostileOutput.XML_TRUNCATED,
                HostileOutput.XML_1E30, HostileOutput.XML_NAN, HostileOutput.HISTOGRAM_FORGED_LENGTH, HostileOutput.HISTOGRAM_FORGED_RANGE);
        assertEachExcluded(variants);
    }

    @Test
    void a450MegabyteReportIsExcludedAndNamed() throws Exception {
        assertEachExcluded(List.of(HostileOutput.XML_450_MB));
    }

    private void assertEachExcluded(List<HostileOutput> variants) throws Exception {
        Map<HostileOutput, TargetServer> targets = new LinkedHashMap<>();
        Map<HostileOutput, FaultRun> runs = new LinkedHashMap<>();
        try {
            for (HostileOutput variant : variants) {
                String name = "hostile-" + variant.name().toLowerCase(Locale.ROOT).replace('_', '-');
                faults.kubelet().inject(name, "w1", new WorkerFault.Hostile(variant));
                TargetServer target = TargetServer.start(InetAddress.getByName("127.0.94." + (targets.size() + 1)), 0,
                        TargetConfig.DEFAULT.withLatency(Duration.ofMillis(10)));
                targets.put(variant, target);
                runs.put(variant, FaultRun.apply(faults, name, target.baseUri().toString(), WORKERS, HOLD_SECONDS, THRESHOLD));
            }
            List<String> failures = new ArrayList<>();
            java.time.Instant deadline = java.time.Instant.now().plus(FaultRun.END_WITHIN);
            for (HostileOutput variant : variants) {
                FaultRun run = runs.get(variant);
                try {
                    LoadTestView done = run.awaitEnd(Duration.between(java.time.Instant.now(), deadline));
                    run.assertPartialResultsName(done, List.of("w1"), WORKERS);
                    run.assertSucceededOnce(done, targets.get(variant).counters().requests());
                } catch (AssertionError | RuntimeException e) {
                    failures.add(variant + ": " + e.getMessage().strip().replaceAll("\\s+", " "));
                }
            }
            assertThat(failures).as("variants whose hostile worker was not cleanly excluded").isEmpty();
        } finally {
            runs.values().forEach(FaultRun::close);
            targets.values().forEach(TargetServer::close);
        }
    }
}
