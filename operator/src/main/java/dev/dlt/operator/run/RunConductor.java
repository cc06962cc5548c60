package dev.dlt.operator.run;

import dev.dlt.operator.api.LeaderOutcome;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.plan.RunPlanner;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.operator.verdict.Verdict;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Moves an active run one step at a time: plans it, runs the step of its phase, and records the
 * outcome through the status builder. A failing dependency (S3, DynamoDB, ECS, the Kubernetes API)
 * or an unexpected error never escapes: the run records what it waits for and since when, is looked
 * at again with backoff, and ends when its phase's deadline passes. A run is never left unattended.
 */
public class RunConductor {

    private static final Logger LOG = Logger.getLogger(RunConductor.class);
    /** How soon a run that changed phase is looked at again. */
    static final Duration NEXT_PHASE = Duration.ofMillis(200);
    /** The longest wait between two tries of a failing dependency. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RunPlanner planner;
    private final Map<Phase, PhaseStep> steps;
    private final EventRecorder events;
    private final RunMetrics metrics;
    private final RunSettings settings;
    private final Clock clock;

    public RunConductor(RunPlanner planner, Map<Phase, PhaseStep> steps, EventRecorder events, RunMetrics metrics,
                        RunSettings settings, Clock clock) {
        this.planner = planner;
        this.steps = Map.copyOf(steps);
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** Moves the run one step; returns when to look again, or empty when the run has ended. */
    public Optional<Duration> advance(LoadTest test, LoadTestStatus status) {
        Instant now = clock.instant();
        long generation = status.getRun().getGeneration() == null ? 0 : status.getRun().getGeneration();
        try {
            RunPlan plan = status.getPhase() == Phase.Recording ? planner.launched(test, status.getRun())
                    : planner.plan(test, status.getRun().getId());
            RunContext context = new RunContext(test, plan, status, now);
            StepOutcome outcome = steps.get(status.getPhase()).next(context);
            LoadTestStatusBuilder.unblocked(status, generation, now);
            return apply(test, status, outcome, generation, now);
        } catch (TestRegions.UnusableTestRegion e) {
            Instant waitUntil = Instant.parse(status.getRun().getCreatedAt()).plus(settings.testRegionGrace());
            if (e.mayAppear() && now.isBefore(waitUntil)) {
                LoadTestStatusBuilder.stay(status, "waiting for " + e.getMessage());
                return Optional.of(settings.poll());
            }
            return apply(test, status, StepOutcome.fail("TestRegionNotUsable", e.getMessage()), generation, now);
        } catch (DependencyUnavailable e) {
            return blocked(test, status, e.dependency(), e.getMessage(), generation, now);
        } catch (ObjectStore.Unavailable e) {
            // a read that failed while streaming, after the store's call had returned
            return blocked(test, status, Dependency.S3, new DependencyUnavailable(Dependency.S3, e).getMessage(), generation, now);
        } catch (KubernetesClientException e) {
            return blocked(test, status, Dependency.KUBERNETES, new DependencyUnavailable(Dependency.KUBERNETES, e).getMessage(),
                    generation, now);
        } catch (RuntimeException e) {
            LOG.errorf(e, "run %s of %s/%s: unexpected error in phase %s", status.getRun().getId(), test.getMetadata().getNamespace(),
                    test.getMetadata().getName(), status.getPhase());
            return blocked(test, status, Dependency.UNEXPECTED, new DependencyUnavailable(Dependency.UNEXPECTED, e).getMessage(),
                    generation, now);
        }
    }

    /** Ends an active run as cancelled (its spec changed): it records and stops like any other ending. */
    public void cancel(LoadTestStatus status, String why) {
        RunStatus run = status.getRun();
        long generation = run.getGeneration() == null ? 0 : run.getGeneration();
        if (status.getPhase() != Phase.Recording) {
            LoadTestStatusBuilder.ending(status, Phase.Cancelled, "Cancelled", why, generation, clock.instant());
        }
    }

    /**
     * Cancels an active run as a user action ({@code why} says who and when): a run whose load has not
     * started ends at once; a running one stops its workers and collects what they stored first.
     */
    public void cancelByUser(LoadTestStatus status, String why) {
        RunStatus run = status.getRun();
        if (run.getCancelRequest() != null || status.getPhase() == Phase.Recording) {
            return;
        }
        run.setCancelRequest(why);
        if (status.getPhase() != Phase.Running && status.getPhase() != Phase.Collecting) {
            long generation = run.getGeneration() == null ? 0 : run.getGeneration();
            LoadTestStatusBuilder.ending(status, Phase.Cancelled, "Cancelled", why, generation, clock.instant());
        } else {
            status.setMessage("cancelling: " + why);
        }
    }

    private Optional<Duration> apply(LoadTest test, LoadTestStatus status, StepOutcome outcome, long generation, Instant now) {
        switch (outcome) {
            case StepOutcome.Stay stay -> {
                LoadTestStatusBuilder.stay(status, stay.message());
                return Optional.of(settings.poll());
            }
            case StepOutcome.Advance advance when advance.next().terminal() -> {
                return finish(test, status, true, null, generation, now);
            }
            case StepOutcome.Advance advance -> {
                LoadTestStatusBuilder.advance(status, advance.next(), advance.message(), generation, now);
                LOG.infof("run %s: %s", advance.next(), advance.message());
                metrics.phaseEntered(test, advance.next().name());
                if (advance.next() == Phase.Running) {
                    boolean allStarted = status.getRun().getRegions().stream().allMatch(r -> r.getLeader() == LeaderOutcome.STARTED);
                    LoadTestStatusBuilder.started(status, allStarted, advance.message(), generation, now);
                }
                if (advance.event() != null) {
                    events.normal(test, advance.event(), advance.message());
                }
                return Optional.of(NEXT_PHASE);
            }
            case StepOutcome.End end when status.getRun().getCancelRequest() != null -> {
                LoadTestStatusBuilder.ending(status, Phase.Cancelled, "Cancelled", status.getRun().getCancelRequest() + "; "
                        + end.message(), generation, now);
                return Optional.of(NEXT_PHASE);
            }
            case StepOutcome.End end -> {
                LoadTestStatusBuilder.ending(status, end.outcome(), end.reason(), end.message(), generation, now);
                LOG.infof("run ending %s (%s): %s", end.outcome(), end.reason(), end.message());
                return Optional.of(NEXT_PHASE);
            }
        }
    }

    private Optional<Duration> finish(LoadTest test, LoadTestStatus status, boolean recorded, String problem, long generation,
                                      Instant now) {
        RunStatus run = status.getRun();
        LoadTestStatusBuilder.finish(status, recorded, problem, settings.historySize(), generation, now);
        metrics.runEnded(test, status);
        String reason = Conditions.get(status.getConditions(), Conditions.COMPLETED).map(c -> c.getReason()).orElse("Completed");
        LOG.infof("run finished %s (%s): %s", status.getPhase(), reason, status.getMessage());
        if (status.getPhase() == Phase.Succeeded) {
            events.normal(test, reason, status.getMessage());
        } else {
            events.warning(test, reason, status.getMessage());
        }
        verdictEvent(test, status);
        return Optional.empty();
    }

    /** An Event with the verdict and every threshold's measured value, when the run was judged on thresholds. */
    private void verdictEvent(LoadTest test, LoadTestStatus status) {
        Verdict verdict = status.getResult() == null ? null : status.getResult().getVerdict();
        if (verdict == null || verdict == Verdict.NoThresholds) {
            return;
        }
        Conditions.get(status.getConditions(), Conditions.PASSED).ifPresent(c -> {
            if (verdict == Verdict.Passed) {
                events.normal(test, c.getReason(), c.getMessage());
            } else {
                events.warning(test, c.getReason(), c.getMessage());
            }
        });
    }

    /** Waits for a failing dependency with backoff until the phase's deadline, then ends the run (or moves on). */
    private Optional<Duration> blocked(LoadTest test, LoadTestStatus status, Dependency dependency, String error, long generation,
                                       Instant now) {
        LoadTestStatusBuilder.blocked(status, dependency.reason(), dependency.name(), error, generation, now);
        Instant since = LoadTestStatusBuilder.blockedSince(status).orElse(now);
        if (since.equals(now)) {
            events.warning(test, dependency.reason(), status.getMessage());
        }
        LOG.warnf("run %s of %s/%s: %s", status.getRun().getId(), test.getMetadata().getNamespace(), test.getMetadata().getName(),
                status.getMessage());
        Instant deadline = deadline(test, status, since);
        if (now.isAfter(deadline)) {
            String gaveUp = "gave up waiting for " + dependency.name() + " at " + deadline + ": " + error;
            switch (status.getPhase()) {
                case Recording -> {
                    return finish(test, status, false, gaveUp, generation, now);
                }
                case Running -> {
                    // the workers store their results themselves: collect what they stored
                    status.getRun().setFinishedAt(now.toString());
                    LoadTestStatusBuilder.advance(status, Phase.Collecting, "could not follow the workers (" + gaveUp
                            + "); collecting what they stored", generation, now);
                    return Optional.of(NEXT_PHASE);
                }
                default -> {
                    LoadTestStatusBuilder.ending(status, Phase.Failed, dependency.reason(), gaveUp, generation, now);
                    return Optional.of(NEXT_PHASE);
                }
            }
        }
        Duration waited = Duration.between(since, now);
        Duration backoff = waited.dividedBy(4);
        return Optional.of(backoff.compareTo(settings.poll()) < 0 ? settings.poll() : backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }

    /** When a phase stops waiting for a failing dependency. */
    private Instant deadline(LoadTest test, LoadTestStatus status, Instant blockedSince) {
        RunStatus run = status.getRun();
        Instant launched = Instant.parse(run.getLaunchedAt() != null ? run.getLaunchedAt() : run.getCreatedAt());
        return switch (status.getPhase()) {
            case Launching, Pending -> launched.plus(settings.launchTimeout());
            case Starting -> launched.plus(settings.launchTimeout()).plus(settings.reachTimeout());
            case Running -> run.getStartedAt() == null ? blockedSince.plus(settings.finishGrace())
                    : Instant.parse(run.getStartedAt()).plus(RunPlanner.loadDuration(test.getSpec())).plus(settings.finishGrace())
                            .plus(settings.finishGrace());
            // once the load is over, the results are safe in S3 (or on the workers, retrying): an outage is waited out as at the end
            case Collecting -> blockedSince.plus(settings.recordTimeout());
            case Recording -> Conditions.get(status.getConditions(), Conditions.RECORDED)
                    .map(c -> Instant.parse(c.getLastTransitionTime())).orElse(blockedSince).plus(settings.recordTimeout());
            default -> blockedSince;
        };
    }
}
