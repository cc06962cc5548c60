package dev.dlt.operator.region;

import dev.dlt.operator.api.TestRegion;
import dev.dlt.operator.api.TestRegionStatus;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.validation.TestRegionValidator;
import dev.dlt.operator.validation.Violation;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps a TestRegion's Ready condition true to ECS: checks that the cluster and the task
 * definition exist and fit, again every few minutes, sooner while the region is not ready.
 */
@ControllerConfiguration(name = TestRegionReconciler.NAME)
public class TestRegionReconciler implements Reconciler<TestRegion> {

    public static final String NAME = "testregion";
    public static final String READY = "Ready";
    static final Duration RECHECK_READY = Duration.ofMinutes(5);
    static final Duration RECHECK_NOT_READY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(TestRegionReconciler.class);

    private final TestRegionValidator validator = new TestRegionValidator();
    private final RegionCheck check;
    private final String defaultBucket;
    private final Clock clock;

    public TestRegionReconciler(RegionCheck check, String defaultBucket, Clock clock) {
        this.check = check;
        this.defaultBucket = defaultBucket;
        this.clock = clock;
    }

    @Override
    public UpdateControl<TestRegion> reconcile(TestRegion region, Context<TestRegion> context) {
        RegionCheck.Result result = check(region);
        TestRegionStatus before = region.getStatus() == null ? new TestRegionStatus() : region.getStatus();
        TestRegionStatus status = new TestRegionStatus();
        long generation = region.getMetadata().getGeneration() == null ? 0 : region.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        status.setMessage(result.message());
        status.setConditions(Conditions.set(before.getConditions(), READY, result.ready(), result.ready() ? "EcsResourcesFound"
                : "EcsResourcesNotUsable", result.message(), generation, clock.instant()));
        status.setCheckedAt(before.getCheckedAt());
        boolean changed = !status.equals(before);
        status.setCheckedAt(clock.instant().toString());
        region.setStatus(status);
        Duration next = result.ready() ? RECHECK_READY : RECHECK_NOT_READY;
        return (changed ? UpdateControl.patchStatus(region) : UpdateControl.<TestRegion>noUpdate()).rescheduleAfter(next);
    }

    private RegionCheck.Result check(TestRegion region) {
        List<Violation> violations = validator.validate(region.getSpec());
        if (!violations.isEmpty()) {
            // not usable, and not worth asking ECS about
            return new RegionCheck.Result(false, "invalid spec: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        try {
            return check.check(TestRegionSettingsMapper.settings(region, defaultBucket));
        } catch (RuntimeException e) {
            // credentials, network, a region that does not exist: all make the region unusable, with the reason
            LOG.debugf(e, "checking TestRegion %s failed", region.getMetadata().getName());
            return new RegionCheck.Result(false, "cannot check ECS in " + region.getSpec().getRegion() + ": " + e.getMessage());
        }
    }
}
