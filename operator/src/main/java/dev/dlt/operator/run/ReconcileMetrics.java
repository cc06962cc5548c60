package dev.dlt.operator.run;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;

/**
 * java-operator-sdk's reconcile metrics recorded in Micrometer, labelled by controller and kind only
 * (not by resource, whose number is not bounded): reconciliations started, succeeded, failed and
 * retried, events received, and the time each reconcile or cleanup took.
 */
public class ReconcileMetrics implements Metrics {

    private final MeterRegistry registry;

    public ReconcileMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void eventReceived(Event event, Map<String, Object> metadata) {
        count("dlt.operator.events", "Events received by a controller", metadata);
    }

    @Override
    public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
        count("dlt.operator.reconciliations.started", "Reconciliations started", metadata);
    }

    @Override
    public void reconciliationSubmitted(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        if (retryInfo != null && retryInfo.getAttemptCount() > 0) {
            count("dlt.operator.reconciliations.retries", "Reconciliations submitted again after a failure", metadata);
        }
    }

    @Override
    public void reconciliationSucceeded(HasMetadata resource, Map<String, Object> metadata) {
        count("dlt.operator.reconciliations.succeeded", "Reconciliations that returned normally", metadata);
    }

    @Override
    public void reconciliationFailed(HasMetadata resource, RetryInfo retry, Exception exception, Map<String, Object> metadata) {
        Counter.builder("dlt.operator.reconciliations.failed").description("Reconciliations that threw, by exception class")
                .tags("controller", controller(metadata), "exception", exception.getClass().getSimpleName())
                .register(registry).increment();
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            T result = execution.execute();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder("dlt.operator.reconcile.duration").description("Time a controller's reconcile or cleanup took")
                    .tags("controller", execution.controllerName(), "execution", execution.name(), "outcome", outcome)
                    .register(registry));
        }
    }

    private void count(String name, String description, Map<String, Object> metadata) {
        Counter.builder(name).description(description).tag("controller", controller(metadata)).register(registry).increment();
    }

    private static String controller(Map<String, Object> metadata) {
        Object name = metadata == null ? null : metadata.get(Constants.CONTROLLER_NAME);
        return name == null ? "unknown" : name.toString();
    }
}
