package dev.dlt.operator.run;

import dev.dlt.operator.api.LoadTestStatus;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.api.RunStatus;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.report.ReportPublisher;
import dev.dlt.operator.status.Conditions;
import dev.dlt.operator.status.LoadTestStatusBuilder;
import dev.dlt.operator.store.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Recording: a decided run stops every worker it launched, deletes its start-gate secret, stores its
 * timeline and report in S3 and then its record in DynamoDB. Each of these is idempotent, so a failure
 * (or a restart) just means doing them again on the next look; the run then takes its decided phase.
 */
public class RecordStep implements PhaseStep {

    private static final Logger LOG = Logger.getLogger(RecordStep.class);

    private final WorkerFleet fleet;
    private final RunSecrets secrets;
    private final RunRecorder recorder;
    private final ReportPublisher reports;
    private final Duration recordTimeout;
    private final RunMetrics metrics;
    private final EventRecorder events;

    public RecordStep(WorkerFleet fleet, RunSecrets secrets, RunRecorder recorder) {
        this(fleet, secrets, recorder, null, Duration.ZERO, null, null);
    }

    /**
     * @param reports       stores the timeline and the HTML report before the record; null for none
     * @param recordTimeout how long an S3 outage holds up the report (and the record that points at it)
     */
    public RecordStep(WorkerFleet fleet, RunSecrets secrets, RunRecorder recorder, ReportPublisher reports, Duration recordTimeout,
                      RunMetrics metrics, EventRecorder events) {
        this.fleet = fleet;
        this.secrets = secrets;
        this.recorder = recorder;
        this.reports = reports;
        this.recordTimeout = recordTimeout;
        this.metrics = metrics;
        this.events = events;
    }

    @Override
    public StepOutcome next(RunContext context) {
        RunPlan launched = context.plan();
        fleet.stop(launched);
        secrets.delete(launched.run());
        report(context);
        recorder.store(context.test(), context.status());
        if (reports != null) {
            reports.forget(context.run().getId());
        }
        if (metrics != null) {
            metrics.progressEnded(context.test().getMetadata().getNamespace(), context.test().getMetadata().getName());
        }
        return new StepOutcome.Advance(context.run().getOutcome(), context.run().getOutcomeMessage(), null);
    }

    /**
     * Stores the report before the record that points at it. S3 failing is waited out (thrown: the run
     * is Blocked) until the record deadline; past it the run ends Failed naming S3 and is recorded without
     * a report. Any other failure (a report that cannot be rendered) is a warning and holds up nothing.
     */
    private void report(RunContext context) {
        var result = context.status().getResult();
        if (reports == null || result != null && result.getReportUrl() != null) {
            return;
        }
        try {
            reports.publish(context.test(), context.status(), context.plan());
        } catch (DependencyUnavailable | ObjectStore.Unavailable e) {
            Dependency dependency = e instanceof DependencyUnavailable d ? d.dependency() : Dependency.S3;
            Instant deadline = deadline(context.status());
            if (!context.now().isAfter(deadline)) {
                throw e instanceof DependencyUnavailable d ? d : new DependencyUnavailable(Dependency.S3, e);
            }
            String why = "report not stored: gave up waiting for " + dependency.name() + " at " + deadline + ": " + e.getMessage();
            RunStatus run = context.run();
            if (run.getOutcome() == Phase.Succeeded) {
                run.setOutcome(Phase.Failed);
                run.setOutcomeReason(dependency.reason());
            }
            run.setOutcomeMessage(run.getOutcomeMessage() + "; " + why);
            warn(context, why);
        } catch (RuntimeException e) {
            warn(context, "the run's report could not be stored: " + e.getMessage());
        }
    }

    /** When S3 stops holding up the report: the record timeout after the run began recording, or began waiting for S3 if earlier. */
    private Instant deadline(LoadTestStatus status) {
        Instant recording = Conditions.get(status.getConditions(), Conditions.RECORDED).map(c -> Instant.parse(c.getLastTransitionTime()))
                .orElse(Instant.MAX);
        Instant waiting = Conditions.get(status.getConditions(), Conditions.BLOCKED)
                .filter(c -> Dependency.S3.reason().equals(c.getReason())).flatMap(c -> LoadTestStatusBuilder.blockedSince(status))
                .orElse(Instant.MAX);
        Instant since = recording.isBefore(waiting) ? recording : waiting;
        return since.equals(Instant.MAX) ? Instant.MAX : since.plus(recordTimeout);
    }

    private void warn(RunContext context, String message) {
        LOG.warnf("run %s: %s", context.run().getId(), message);
        if (events != null) {
            events.warning(context.test(), "ReportNotStored", message);
        }
    }
}
