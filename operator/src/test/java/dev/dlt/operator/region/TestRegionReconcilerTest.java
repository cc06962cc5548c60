package dev.dlt.operator.region;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dlt.backend.TestRegionSettings;
import dev.dlt.operator.api.TestRegion;
import dev.dlt.operator.api.TestRegionSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TestRegionReconcilerTest {

    private final AtomicReference<TestRegionSettings> checked = new AtomicReference<>();
    private RegionCheck.Result next = new RegionCheck.Result(true, "cluster dlt ACTIVE, task definition dlt-worker:3 fits");

    private final TestRegionReconciler reconciler = new TestRegionReconciler(settings -> {
        checked.set(settings);
        if (next == null) {
            throw new IllegalStateException("Unable to load credentials");
        }
        return next;
    }, "default-bucket", Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRegionWhoseResourcesExistIsReadyAndRecheckedLater() {
        TestRegion region = region();

        var control = reconciler.reconcile(region, null);

        assertThat(checked.get().cluster()).isEqualTo("dlt");
        assertThat(checked.get().bucket()).isEqualTo("default-bucket");
        assertThat(checked.get().subnets()).containsExactly("subnet-1");
        assertThat(control.isPatchStatus()).isTrue();
        assertThat(region.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        assertThat(control.getScheduleDelay()).contains(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aRegionWithAMissingTaskDefinitionIsNotReadyWithTheReason() {
        next = new RegionCheck.Result(false, "task definition dlt-worker:3 not found in us-west-2");
        TestRegion region = region();

        var control = reconciler.reconcile(region, null);

        assertThat(region.getStatus().getMessage()).isEqualTo("task definition dlt-worker:3 not found in us-west-2");
        assertThat(region.getStatus().getConditions()).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("EcsResourcesNotUsable");
        });
        assertThat(control.getScheduleDelay()).contains(Duration.ofSeconds(30).toMillis());
    }

    @Test
    void aCheckThatCannotRunMakesTheRegionNotReadyInsteadOfFailingTheReconciler() {
        next = null;
        TestRegion region = region();

        reconciler.reconcile(region, null);

        assertThat(region.getStatus().getMessage()).isEqualTo("cannot check ECS in us-west-2: Unable to load credentials");
        assertThat(region.getStatus().getConditions().getFirst().getStatus()).isEqualTo("False");
    }

    @Test
    void anUnchangedResultDoesNotPatchTheStatus() {
        TestRegion region = region();
        reconciler.reconcile(region, null);

        var again = reconciler.reconcile(region, null);

        assertThat(again.isNoUpdate()).isTrue();
    }

    private static TestRegion region() {
        TestRegionSpec spec = new TestRegionSpec();
        spec.setRegion("us-west-2");
        spec.setCluster("dlt");
        spec.setTaskDefinition("dlt-worker:3");
        spec.setContainerName("load-tester");
        spec.setSubnets(List.of("subnet-1"));
        spec.setSecurityGroups(List.of("sg-1"));
        TestRegion region = new TestRegion();
        region.setMetadata(new ObjectMetaBuilder().withName("west").withNamespace("perf").withGeneration(1L).build());
        region.setSpec(spec);
        return region;
    }
}
