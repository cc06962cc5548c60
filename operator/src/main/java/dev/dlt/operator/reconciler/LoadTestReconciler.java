package dev.dlt.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.WorkerGroupSpec;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.InvalidPlanException;
import dev.dlt.operator.plan.JmeterPlans;
import dev.dlt.operator.run.Dependency;
import dev.dlt.operator.run.DependencyUnavailable;
import dev.dlt.operator.run.RunCanceller;
import dev.dlt.operator.run.RunConductor;
import dev.dlt.operator.run.RunLogContext;
import dev.dlt.operator.schedule.RunNowAnnotation;
import dev.dlt.operator.schedule.RunTriggers;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.api.RunTrigger;
import java.time.Instant;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import dev.dlt.operator.validation.SpecValidator;
import dev.dlt.operator.validation.Violation;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
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
import org.jboss.logging.Logger;

/**
 * The LoadTest controller, a thin conductor: a new spec generation is validated and gets a new run
 * (a run still active is cancelled and recorded first) unless the test is scheduled or suspended;
 * {@link RunTriggers} start runs for run-now requests and scheduled times; spec.suspend cancels an
 * active run; an active run is moved forward by the {@link RunConductor}; deleting the LoadTest stops what it launched. Worker pods owned by a
 * LoadTest trigger it when they change, and are read from the same informer's cache.
 */
@ControllerConfiguration(name = LoadTestReconciler.NAME)
public class LoadTestReconciler implements Reconciler<LoadTest>, Cleaner<LoadTest> {

    public static final String NAME = "loadtest";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(LoadTestReconciler.class);
    /** How soon a LoadTest with nothing else to do is looked at again after its status was patched. */
    public static final Duration AFTER_PATCH = Duration.ofSeconds(1);

    private final SpecValidator validator = new SpecValidator();
    private final RunConductor conductor;
    private final RunCanceller canceller;
    private final JmeterPlans plans;
    private final PodCache pods;
    private final EventRecorder events;
    private final Clock clock;
    private final RunTriggers triggers;
    private final Runnable firstLoadTest;

    /** {@code firstLoadTest} is run before every reconcile: what the operator prepares only once it has LoadTests (idempotent). */
    public LoadTestReconciler(RunConductor conductor, RunCanceller canceller, JmeterPlans plans, PodCache pods, EventRecorder events,
                              Clock clock, Runnable firstLoadTest) {
        this.firstLoadTest = firstLoadTest;
        this.conductor = conductor;
        this.canceller = canceller;
        this.plans = plans;
        this.pods = pods;
        this.events = events;
        this.clock = clock;
        this.triggers = new RunTriggers(events);
    }

    @Override
    public List<EventSource<?, LoadTest>> prepareEventSources(EventSourceContext<LoadTest> context) {
        var config = InformerEventSourceConfiguration.from(Pod.class, LoadTest.class)
                .withLabelSelector("app.kubernetes.io/managed-by=dlt-operator")
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(LoadTest.class))
                .build();
        InformerEventSource<Pod, LoadTest> source = new InformerEventSource<>(config, context);
        pods.attach(source);
        return List.of(source);
    }

    @Override
    public UpdateControl<LoadTest> reconcile(LoadTest test, Context<LoadTest> context) {
        firstLoadTest.run();
        try (RunLogContext log = RunLogContext.open(test)) {
            return reconcileRun(test);
        }
    }

    private UpdateControl<LoadTest> reconcileRun(LoadTest test) {
        LoadTestStatus before = test.getStatus() == null ? new LoadTestStatus() : test.getStatus();
        LoadTestStatus status = JSON.convertValue(before, LoadTestStatus.class);
        long generation = test.getMetadata().getGeneration() == null ? 0 : test.getMetadata().getGeneration();
        boolean active = status.getRun() != null && status.getPhase() != null && status.getPhase().active();
        boolean specChanged = !Objects.equals(status.getObservedGeneration(), generation);
        Optional<Duration> next;
        if (active && RunTriggers.suspended(test)) {
            String why = "suspended by spec.suspend at " + clock.instant();
            if (status.getRun().getCancelRequest() == null && status.getPhase() != Phase.Recording) {
                conductor.cancelByUser(status, why);
                events.warning(test, "Cancelled", why + " during run " + status.getRun().getId());
            }
            next = afterRun(test, status, conductor.advance(test, status));
        } else if (specChanged && active) {
            if (status.getPhase() != Phase.Recording) {
                String why = "spec changed to generation " + generation + " during run " + status.getRun().getId();
                conductor.cancel(status, why);
                events.warning(test, "Cancelled", why);
            }
            next = conductor.advance(test, status).or(() -> Optional.of(Duration.ofMillis(100)));
        } else if (specChanged) {
            next = newGeneration(test, status, generation);
        } else if (active) {
            triggers.active(test, status, clock.instant()).filter(at -> status.getRun().getCancelRequest() == null).ifPresent(at -> {
                String why = "replaced by the run scheduled at " + at + " (spec.concurrencyPolicy Replace)";
                conductor.cancelByUser(status, why);
                events.warning(test, "Cancelled", why + ": run " + status.getRun().getId());
            });
            next = afterRun(test, status, conductor.advance(test, status));
        } else {
            next = idle(test, status, generation);
        }
        LoadTestStatusBuilder.columns(status);
        test.setStatus(status);
        boolean changed = !JSON.valueToTree(status).equals(JSON.valueToTree(before));
        UpdateControl<LoadTest> control = changed ? UpdateControl.patchStatus(test) : UpdateControl.noUpdate();
        if (changed && next.isEmpty()) {
            // JOSDK 5.3.2 drops a deletion that the API server merges into this patch's response (it takes
            // the watch event for an echo of the patch): the next look reads that response and cleans up
            next = Optional.of(AFTER_PATCH);
        }
        return next.map(control::rescheduleAfter).orElse(control);
    }

    private Optional<Duration> newGeneration(LoadTest test, LoadTestStatus status, long generation) {
        var now = clock.instant();
        triggers.specChanged(status);
        List<Violation> violations = new ArrayList<>(validator.validate(test.getSpec()));
        if (violations.isEmpty() && test.getSpec().getScenario().getJmeter() != null) {
            try {
                plans.load(test.getMetadata().getNamespace(), test.getSpec().getScenario().getJmeter());
            } catch (InvalidPlanException e) {
                violations.add(new Violation(e.field(), e.getMessage()));
            } catch (DependencyUnavailable e) {
                // the plan cannot be read right now: check again later, nothing is launched meanwhile
                status.setMessage("checking the JMeter plan: waiting for " + e.dependency().name() + ": " + e.getMessage());
                return Optional.of(Duration.ofSeconds(5));
            }
        }
        if (!violations.isEmpty()) {
            String message = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
            LoadTestStatusBuilder.invalid(status, message, generation, now);
            events.warning(test, "InvalidSpec", message);
            return Optional.empty();
        }
        if (RunTriggers.suspended(test) || RunTriggers.scheduled(test)) {
            // a scheduled or suspended test runs on its schedule or a run-now request, not on a spec change
            LoadTestStatusBuilder.accepted(status, RunTriggers.suspended(test) ? "suspended (spec.suspend)" : "scheduled", generation, now);
            return idle(test, status, generation);
        }
        return startRun(test, status, generation, RunTrigger.SpecChange, now);
    }

    /** A test without an active run and with its spec observed: starts a run if a trigger says so, else waits for the next. */
    private Optional<Duration> idle(LoadTest test, LoadTestStatus status, long generation) {
        if (!Conditions.isTrue(status.getConditions(), Conditions.VALID)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<RunTriggers.Start> start = triggers.idle(test, status, now);
        if (start.isPresent()) {
            events.normal(test, "RunTriggered", start.get().trigger() + ": " + start.get().why());
            return startRun(test, status, generation, start.get().trigger(), now);
        }
        if (status.getPhase() == Phase.Pending) {
            status.setMessage(RunTriggers.suspended(test) ? "suspended (spec.suspend)"
                    : status.getNextRunAt() == null ? "nothing scheduled" : "next run at " + status.getNextRunAt());
        }
        return triggers.wakeUp(test, status, now);
    }

    /** After a look at an active run: a run that just ended is followed by a look for what is queued (a spec change, a trigger). */
    private Optional<Duration> afterRun(LoadTest test, LoadTestStatus status, Optional<Duration> next) {
        if (next.isPresent() || (status.getPhase() != null && status.getPhase().active())) {
            return next;
        }
        long generation = test.getMetadata().getGeneration() == null ? 0 : test.getMetadata().getGeneration();
        boolean queued = !Objects.equals(status.getObservedGeneration(), generation) || RunTriggers.scheduled(test)
                || RunNowAnnotation.pending(test, status).isPresent();
        return queued ? Optional.of(RunTriggers.SOON) : Optional.empty();
    }

    private Optional<Duration> startRun(LoadTest test, LoadTestStatus status, long generation, RunTrigger trigger, Instant now) {
        String runId = "r" + RUN_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        int desired = test.getSpec().getWorkers().stream().mapToInt(WorkerGroupSpec::getCount).sum();
        LoadTestStatusBuilder.newRun(status, runId, generation, desired, now);
        RunLogContext.run(runId);
        LOG.infof("new run for generation %d: %d workers", generation, desired);
        status.getRun().setTrigger(trigger);
        RunNowAnnotation.covered(test, status);
        // the run id is recorded in status before anything is launched, so a restart adopts rather than duplicates
        return Optional.of(Duration.ofMillis(100));
    }

    /** A reconcile that threw (it should not: the conductor keeps failures in status) still says so in status. */
    @Override
    public ErrorStatusUpdateControl<LoadTest> updateErrorStatus(LoadTest test, Context<LoadTest> context, Exception e) {
        if (test.getStatus() == null || test.getStatus().getRun() == null) {
            return ErrorStatusUpdateControl.defaultErrorProcessing();
        }
        long generation = test.getStatus().getRun().getGeneration() == null ? 0 : test.getStatus().getRun().getGeneration();
        LoadTestStatusBuilder.blocked(test.getStatus(), Dependency.UNEXPECTED.reason(), Dependency.UNEXPECTED.name(),
                String.valueOf(e.getMessage()), generation, clock.instant());
        return ErrorStatusUpdateControl.patchStatus(test);
    }

    @Override
    public DeleteControl cleanup(LoadTest test, Context<LoadTest> context) {
        LoadTestStatus status = test.getStatus();
        try (RunLogContext log = RunLogContext.open(test)) {
            if (status != null && status.getRun() != null && status.getPhase() != null && status.getPhase().active()) {
                canceller.deleted(test);
            }
        }
        return DeleteControl.defaultDelete();
    }
}
