package dev.dlt.operator;

import dev.dlt.backend.WorkerBackend;
import dev.dlt.operator.backend.eks.EksPodBackend;
import dev.dlt.operator.backend.eks.PodSettings;
import dev.dlt.operator.config.OperatorConfig;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.reconciler.LoadTestReconciler;
import dev.dlt.operator.reconciler.RunConductor;
import dev.dlt.operator.reconciler.RunPlanner;
import dev.dlt.operator.reconciler.RunRecorder;
import dev.dlt.operator.reconciler.RunSecrets;
import dev.dlt.operator.reconciler.TestRegions;
import dev.dlt.operator.reconciler.WorkerBackends;
import dev.dlt.operator.store.DynamoDbResultHistory;
import dev.dlt.operator.store.S3ObjectStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wiring in one place: builds the reconcilers and their collaborators, and runs the Operator. */
@ApplicationScoped
public class OperatorProducer {

    private static final Logger LOG = Logger.getLogger(OperatorProducer.class);
    private Operator operator;

    void start(@Observes StartupEvent event, KubernetesClient client, OperatorConfig config, S3Client s3, DynamoDbClient dynamo) {
        DynamoDbResultHistory history = new DynamoDbResultHistory(dynamo, config.dynamodb().table());
        if (config.dynamodb().createTable()) {
            history.ensureTable();
        }
        operator = create(client, config, new S3ObjectStore(s3, config.s3().bucket()), history, TestRegions.none(), List.of());
        operator.start();
        LOG.infof("DLT operator started; namespaces %s, bucket %s, table %s",
                config.namespaces().map(Object::toString).orElse("all"), config.s3().bucket(), config.dynamodb().table());
    }

    void stop(@Observes ShutdownEvent event) {
        if (operator != null) {
            operator.stop();
        }
    }

    /** Builds the operator with every reconciler; extra backends (ECS) come in through {@code moreBackends}. */
    static Operator create(KubernetesClient client, OperatorConfig config, S3ObjectStore store, DynamoDbResultHistory history,
                           TestRegions testRegions, List<WorkerBackend> moreBackends) {
        RunSettings settings = RunSettings.from(config);
        OperatorConfig.Worker worker = config.worker();
        List<WorkerBackend> backends = new java.util.ArrayList<>();
        backends.add(new EksPodBackend(client, new PodSettings(worker.image(), worker.serviceAccount(), worker.cpu(), worker.memory())));
        backends.addAll(moreBackends);
        EventRecorder events = new EventRecorder(client);
        Clock clock = Clock.systemUTC();
        RunConductor conductor = new RunConductor(new RunPlanner(testRegions), new WorkerBackends(backends), new RunSecrets(client),
                store, new RunRecorder(history, settings.historySize()), events, settings, clock);
        Operator op = new Operator(o -> o.withKubernetesClient(client)
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withCloseClientOnStop(false));
        op.register(new LoadTestReconciler(conductor, events, clock), c -> {
            config.namespaces().ifPresent(c::settingNamespaces);
        });
        return op;
    }
}
