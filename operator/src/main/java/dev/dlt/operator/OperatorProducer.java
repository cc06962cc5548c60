package dev.dlt.operator;

import dev.dlt.backend.WorkerBackend;
import dev.dlt.ecs.EcsBackendSettings;
import dev.dlt.ecs.EcsWorkerBackend;
import dev.dlt.ecs.address.S3AddressPublisher;
import dev.dlt.ecs.client.EcsClients;
import dev.dlt.ecs.region.TestRegionCheck;
import dev.dlt.ecs.region.TestRegionChecker;
import dev.dlt.operator.backend.eks.EksPodBackend;
import dev.dlt.operator.backend.eks.PodSettings;
import dev.dlt.operator.config.OperatorConfig;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.plan.JmeterPlans;
import dev.dlt.operator.reconciler.LoadTestReconciler;
import dev.dlt.operator.reconciler.RunConductor;
import dev.dlt.operator.reconciler.RunMetrics;
import dev.dlt.operator.reconciler.RunPlanner;
import dev.dlt.operator.reconciler.RunRecorder;
import dev.dlt.operator.reconciler.RunSecrets;
import dev.dlt.operator.reconciler.WorkerBackends;
import dev.dlt.operator.region.KubernetesTestRegions;
import dev.dlt.operator.region.RegionCheck;
import dev.dlt.operator.region.TestRegionReconciler;
import dev.dlt.operator.store.DynamoDbResultHistory;
import dev.dlt.operator.store.S3ObjectStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
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
    private EcsClients ecs;

    void start(@Observes StartupEvent event, KubernetesClient client, OperatorConfig config, S3Client s3, DynamoDbClient dynamo,
               MeterRegistry registry) {
        DynamoDbResultHistory history = new DynamoDbResultHistory(dynamo, config.dynamodb().table());
        if (config.dynamodb().createTable()) {
            history.ensureTable();
        }
        ecs = EcsClients.sdk(config.ecs().endpoint().map(URI::create), AwsClients.credentials(config));
        operator = create(client, config, s3, history, new RunMetrics(registry), ecs, Clock.systemUTC());
        operator.start();
        LOG.infof("DLT operator started; namespaces %s, bucket %s, table %s",
                config.namespaces().map(Object::toString).orElse("all"), config.s3().bucket(), config.dynamodb().table());
    }

    void stop(@Observes ShutdownEvent event) {
        if (operator != null) {
            operator.stop();
        }
        if (ecs != null) {
            ecs.close();
        }
    }

    static Operator create(KubernetesClient client, OperatorConfig config, S3Client s3, DynamoDbResultHistory history,
                           RunMetrics metrics, EcsClients ecs, Clock clock) {
        RunSettings settings = RunSettings.from(config);
        OperatorConfig.Worker worker = config.worker();
        List<WorkerBackend> backends = List.of(
                new EksPodBackend(client, new PodSettings(worker.image(), worker.serviceAccount(), worker.cpu(), worker.memory())),
                new EcsWorkerBackend(ecs, new S3AddressPublisher(s3),
                        EcsBackendSettings.defaults().withLaunchDeadline(config.ecs().launchDeadline())));
        EventRecorder events = new EventRecorder(client);
        RunPlanner planner = new RunPlanner(new KubernetesTestRegions(client, settings.bucket()), settings.bucket());
        S3ObjectStore store = new S3ObjectStore(s3);
        JmeterPlans plans = new JmeterPlans(client, store, settings.bucket(), config.s3().planPrefixes().orElse(List.of()));
        RunConductor conductor = new RunConductor(planner, new WorkerBackends(backends), new RunSecrets(client),
                store, plans, new RunRecorder(history, metrics, settings.historySize()), events, settings, clock);
        TestRegionChecker checker = new TestRegionChecker(ecs);
        RegionCheck check = region -> {
            TestRegionCheck result = checker.check(region);
            return new RegionCheck.Result(result.ready(), result.message());
        };
        Operator op = new Operator(o -> o.withKubernetesClient(client)
                .withUseSSAToPatchPrimaryResource(false)
                .withSSABasedCreateUpdateMatchForDependentResources(false)
                .withCloseClientOnStop(false));
        op.register(new LoadTestReconciler(conductor, plans, events, clock), c -> config.namespaces().ifPresent(c::settingNamespaces));
        op.register(new TestRegionReconciler(check, settings.bucket(), clock), c -> config.namespaces().ifPresent(c::settingNamespaces));
        return op;
    }
}
