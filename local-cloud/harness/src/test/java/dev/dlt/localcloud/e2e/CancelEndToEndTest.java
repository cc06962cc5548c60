package dev.dlt.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.localcloud.target.TargetConfig;
import dev.dlt.localcloud.target.TargetServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deleting a LoadTest mid-run stops every worker it launched. */
@ExtendWith(LocalCloudExtension.class)
class CancelEndToEndTest {

    @Test
    void deletingARunningLoadTestStopsItsWorkers(CloudTestBed bed) throws Exception {
        LoadTests tests = bed.tests();
        TargetServer target = bed.target("127.0.98.2", TargetConfig.DEFAULT.withLatency(Duration.ofMillis(5)));
        bed.startLongRun("long", target);
        assertThat(tests.pods("long")).hasSize(3); // 2 workers + the leader

        tests.delete("long");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tests.get("long") == null && tests.pods("long").isEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bed.cloud().kubelet().runningPods() == 0);
        CloudTestBed.assertNoMoreLoad(target);
    }
}
