package dev.dlt.operator.run;

import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.RunPlan;
import dev.dlt.operator.report.ReportPublisher;
import org.jboss.logging.Logger;

/**
 * Recording: a decided run stops every worker it launched, deletes its start-gate secret and stores
 * its record in DynamoDB. Each of these is idempotent, so a failure (or a restart) just means doing
 * them again on the next look; the run then takes its decided phase.
 */
public class RecordStep implements PhaseStep {

    private static final Logger LOG = Logger.getLogger(RecordStep.class);

    private final WorkerFleet fleet;
    private final RunSecrets secrets;
    private final RunRecorder recorder;
    private final ReportPublisher reports;
    private final RunMetrics metrics;
    private final EventRecorder events;

    public RecordStep(WorkerFleet fleet, RunSecrets secrets, RunRecorder recorder) {
        this(fleet, secrets, recorder, null, null, null);
    }

    /** @param reports stores the timeline and the HTML report before the record; null for none */
    public RecordStep(WorkerFleet fleet, RunSecrets secrets, RunRecorder recorder, ReportPublisher reports, RunMetrics metrics,
                      EventRecorder events) {
        this.fleet = fleet;
        this.secrets = secrets;
        this.recorder = recorder;
        this.reports = reports;
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

    /** A report that cannot be stored is a warning, never a reason to hold up or fail the run's record. */
    private void report(RunContext context) {
        var result = context.status().getResult();
        if (reports == null || result != null && result.getReportUrl() != null) {
            return;
        }
        try {
            reports.publish(context.test(), context.status(), context.plan());
        } catch (RuntimeException e) {
            LOG.warnf("run %s: report not stored: %s", context.run().getId(), e.getMessage());
            if (events != null) {
                events.warning(context.test(), "ReportNotStored", "the run's report could not be stored: " + e.getMessage());
            }
        }
    }
}
