package dev.dlt.operator.reconciler;

import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.api.WorkerCounts;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.InvalidPlanException;
import dev.dlt.operator.plan.JmeterPlans;
import dev.dlt.operator.validation.SpecValidator;
import dev.dlt.operator.validation.Violation;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The LoadTest controller, a thin conductor: a new spec generation is validated and gets a new run;
 * an active run is moved forward by the {@link RunConductor}; deleting the LoadTest stops what it
 * launched. Worker pods owned by a LoadTest trigger it when they change.
 */
@ControllerConfiguration(name = LoadTestReconciler.NAME)
public class LoadTestReconciler implements Reconciler<LoadTest>, Cleaner<LoadTest> {

    public static final String NAME = "loadtest";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final SpecValidator validator = new SpecValidator();
    private final RunConductor conductor;
    private final JmeterPlans plans;
    private final EventRecorder events;
    private final Clock clock;

    public LoadTestReconciler(RunConductor conductor, JmeterPlans plans, EventRecorder events, Clock clock) {
        this.conductor = conductor;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, LoadTest>> prepareEventSources(EventSourceContext<LoadTest> context) {
        var pods = InformerEventSourceConfiguration.from(Pod.class, LoadTest.class)
                .withLabelSelector("app.kubernetes.io/managed-by=dlt-operator")
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(LoadTest.class))
                .build();
        return List.of(new InformerEventSource<>(pods, context));
    }

    @Override
    public UpdateControl<LoadTest> reconcile(LoadTest test, Context<LoadTest> context) {
        LoadTestStatus before = test.getStatus() == null ? new LoadTestStatus() : test.getStatus();
        LoadTestStatus status = StatusCopy.of(before);
        long generation = test.getMetadata().getGeneration() == null ? 0 : test.getMetadata().getGeneration();
        Optional<Duration> next;
        if (!Objects.equals(status.getObservedGeneration(), generation)) {
            next = newGeneration(test, status, generation);
        } else if (status.getRun() != null && !Phase.of(status.getPhase()).terminal()) {
            next = conductor.advance(test, status);
        } else {
            next = Optional.empty();
        }
        test.setStatus(status);
        UpdateControl<LoadTest> control = status.equals(before) ? UpdateControl.noUpdate() : UpdateControl.patchStatus(test);
        return next.map(control::rescheduleAfter).orElse(control);
    }

    private Optional<Duration> newGeneration(LoadTest test, LoadTestStatus status, long generation) {
        if (status.getRun() != null && !Phase.of(status.getPhase()).terminal()) {
            conductor.cancel(test, status, "spec changed during run " + status.getRun().getId());
            events.warning(test, "Cancelled", status.getMessage());
        }
        status.setObservedGeneration(generation);
        List<Violation> violations = new ArrayList<>(validator.validate(test.getSpec()));
        if (violations.isEmpty() && test.getSpec().getScenario().getJmeter() != null) {
            try {
                plans.load(test.getMetadata().getNamespace(), test.getSpec().getScenario().getJmeter());
            } catch (InvalidPlanException e) {
                violations.add(new Violation(e.field(), e.getMessage()));
            }
        }
        var now = clock.instant();
        if (!violations.isEmpty()) {
            String message = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
            status.setPhase(Phase.Failed.name());
            status.setMessage("invalid spec: " + message);
            status.setConditions(Conditions.set(status.getConditions(), Conditions.VALID, false, "InvalidSpec", message, generation, now));
            events.warning(test, "InvalidSpec", message);
            return Optional.empty();
        }
        RunStatus run = new RunStatus();
        run.setId("r" + RUN_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()));
        run.setGeneration(generation);
        run.setCreatedAt(now.toString());
        WorkerCounts counts = new WorkerCounts();
        counts.setDesired(test.getSpec().getWorkers().stream().mapToInt(WorkerGroupSpec::getCount).sum());
        run.setWorkers(counts);
        status.setRun(run);
        status.setResult(null);
        status.setPhase(Phase.Launching.name());
        status.setMessage("launching run " + run.getId());
        var conditions = Conditions.remove(status.getConditions(), Conditions.WORKERS_READY, Conditions.STARTED, Conditions.COMPLETED);
        status.setConditions(Conditions.set(conditions, Conditions.VALID, true, "SpecValid", "", generation, now));
        // the run id is recorded in status before anything is launched, so a restart adopts rather than duplicates
        return Optional.of(Duration.ofMillis(100));
    }

    @Override
    public DeleteControl cleanup(LoadTest test, Context<LoadTest> context) {
        if (test.getStatus() != null && test.getStatus().getRun() != null && !Phase.of(test.getStatus().getPhase()).terminal()) {
            conductor.cancel(test, StatusCopy.of(test.getStatus()), "LoadTest deleted");
        }
        return DeleteControl.defaultDelete();
    }
}
