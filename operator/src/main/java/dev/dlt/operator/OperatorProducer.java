package dev.dlt.operator;

import dev.dlt.backend.LaunchFailedException;
import dev.dlt.backend.WorkerBackend;
import dev.dlt.ecs.EcsBackendSettings;
import dev.dlt.ecs.EcsWorkerBackend;
import dev.dlt.ecs.client.EcsClients;
import dev.dlt.ecs.region.TestRegionCheck;
import dev.dlt.ecs.region.TestRegionChecker;
import dev.dlt.operator.api.LoadTest;
import dev.dlt.operator.api.Phase;
import dev.dlt.operator.backend.WorkerBackends;
import dev.dlt.operator.backend.eks.EksPodBackend;
import dev.dlt.operator.backend.eks.PodCache;
import dev.dlt.operator.backend.eks.PodSettings;
import dev.dlt.operator.compare.BaselineComparison;
import dev.dlt.operator.compare.Baselines;
import dev.dlt.operator.config.OperatorConfig;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.operator.events.EventRecorder;
import dev.dlt.operator.live.LiveSettings;
import dev.dlt.operator.live.LiveTracker;
import dev.dlt.operator.plan.JmeterPlans;
import dev.dlt.operator.plan.RunPlanner;
import dev.dlt.operator.plan.TestRegions;
import dev.dlt.operator.reconciler.LoadTestReconciler;
import dev.dlt.operator.schedule.RunNowAnnotation;
import dev.dlt.operator.region.KubernetesTestRegions;
import dev.dlt.operator.region.RegionCheck;
import dev.dlt.operator.region.TestRegionReconciler;
import dev.dlt.operator.results.ResultCollector;
import dev.dlt.operator.results.RunSummarizer;
import dev.dlt.operator.report.ReportPublisher;
import dev.dlt.operator.run.CollectStep;
import dev.dlt.operator.run.CoordinatedStartSignal;
import dev.dlt.operator.run.Dependency;
import dev.dlt.operator.run.Guarded;
import dev.dlt.operator.run.LaunchStep;
import dev.dlt.operator.run.RecordStep;
import dev.dlt.operator.run.RunCanceller;
import dev.dlt.operator.run.RunConductor;
import dev.dlt.operator.run.ReconcileMetrics;
import dev.dlt.operator.run.RunMetrics;
import dev.dlt.operator.run.RunObserver;
import dev.dlt.operator.run.RunRecorder;
import dev.dlt.operator.run.RunSecrets;
import dev.dlt.operator.run.RunStep;
import dev.dlt.operator.run.StartStep;
import dev.dlt.operator.run.WorkerFleet;
import dev.dlt.operator.store.DynamoDbResultHistory;
import dev.dlt.operator.store.ObjectStore;
import dev.dlt.operator.store.ResultHistory;
import dev.dlt.operator.store.S3ObjectStore;
import dev.dlt.operator.store.TableCheck;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wiring in one place: builds the reconcilers and their collaborators, and runs the Operator. */
@ApplicationScoped
public class OperatorProducer {

    private static final Logger LOG = Logger.getLogger(OperatorProducer.class);
    private Operator operator;
    private TableCheck tableCheck;
    private EcsClients ecs;

    void start(@Observes StartupEvent event, KubernetesClient client, OperatorConfig config, S3Client s3, DynamoDbClient dynamo,
               MeterRegistry registry) {
        ObjectStore store = new S3ObjectStore(s3);
        DynamoDbResultHistory history = new DynamoDbResultHistory(dynamo, config.dynamodb().table(), config.dynamodb().createTable(),
                store, config.s3().bucket());
        // runs do not need DynamoDB until they are recorded, which waits for it (and creates a missing table): the
        // table is checked in the background once there is a LoadTest, and until then the AWS clients are not even built
        Runnable firstLoadTest = () -> { };
        if (config.dynamodb().createTable()) {
            TableCheck check = TableCheck.of(history, config.dynamodb().table());
            tableCheck = check;
            firstLoadTest = check::startOnce;
        }
        ecs = EcsClients.sdk(config.ecs().endpoint().map(URI::create), AwsClients.credentials(config));
        operator = create(client, config, store, history, registry, ecs, Clock.systemUTC(), firstLoadTest);
        operator.start();
        LOG.infof("DLT operator started; namespaces %s, bucket %s, table %s",
                config.namespaces().map(Object::toString).orElse("all"), config.s3().bucket(), config.dynamodb().table());
    }

    void stop(@Observes ShutdownEvent event) {
        if (tableCheck != null) {
            tableCheck.stop();
        }
        if (operator != null) {
            operator.stop();
        }
        if (ecs != null) {
            ecs.close();
        }
    }

    static Operator create(KubernetesClient client, OperatorConfig config, ObjectStore s3Store, ResultHistory dynamoHistory,
                           MeterRegistry registry, EcsClients ecs, Clock clock, Runnable firstLoadTest) {
        RunMetrics metrics = new RunMetrics(registry);
        RunSettings settings = RunSettings.from(config);
        OperatorConfig.Worker worker = config.worker();
        PodCache podCache = new PodCache(client);
        // leaders' worker addresses go to S3: a failure there is S3's, not ECS's
        ObjectStore addresses = Guarded.of(ObjectStore.class, s3Store, Dependency.S3, List.of());
        List<WorkerBackend> backends = List.of(
                new EksPodBackend(client, podCache, new PodSettings(worker.image(), worker.serviceAccount(), worker.cpu(), worker.memory())),
                new EcsWorkerBackend(ecs, (bucket, key, json) -> addresses.put(bucket, key, json, "application/json"),
                        EcsBackendSettings.defaults()));
        TestRegionChecker checker = new TestRegionChecker(ecs);
        RegionCheck check = region -> {
            TestRegionCheck result = checker.check(region);
            return new RegionCheck.Result(result.ready(), result.message());
        };
        Operator op = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCloseClientOnStop(false)
                    .withMetrics(new ReconcileMetrics(registry));
            if (config.leaderElection().enabled()) {
                o.withLeaderElectionConfiguration(leaderElection(config.leaderElection()));
            }
        });
        LoadTestReconciler loadTests = loadTestReconciler(client, settings, backends, podCache, new KubernetesTestRegions(client, settings.bucket()),
                s3Store, dynamoHistory, config.s3().planPrefixes().orElse(List.of()), metrics, LiveSettings.from(config), clock,
                firstLoadTest);
        op.register(loadTests, c -> {
            config.namespaces().ifPresent(c::settingNamespaces);
            loadTestController(c);
        });
        op.register(new TestRegionReconciler(check, settings.bucket(), clock), c -> config.namespaces().ifPresent(c::settingNamespaces));
        return op;
    }

    /** How the framework drives the LoadTest controller: its retry, its longest sleep and the updates that wake it. */
    public static void loadTestController(ControllerConfigurationOverrider<LoadTest> c) {
        // a run is never given up on by the framework: the conductor bounds it by its phases' deadlines
        c.withRetry(new GenericRetry().setInitialInterval(1000).setIntervalMultiplier(2).setMaxInterval(60_000).withoutMaxAttempts());
        c.withReconciliationMaxInterval(Duration.ofMinutes(5));
        // the run-now annotation changes no generation: updates are filtered by RunNowAnnotation instead
        c.withGenerationAware(false);
        c.withOnUpdateFilter(RunNowAnnotation::reconciledUpdate);
    }

    private static LeaderElectionConfiguration leaderElection(OperatorConfig.LeaderElection config) {
        var lease = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(config.leaseName())
                .withLeaseDuration(config.leaseDuration())
                .withRenewDeadline(config.renewDeadline().orElse(config.leaseDuration().multipliedBy(2).dividedBy(3)))
                .withRetryPeriod(config.retryPeriod().orElse(config.leaseDuration().multipliedBy(2).dividedBy(15)))
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> LOG.info("leader election: this replica leads and reconciles"),
                        () -> LOG.warn("leader election: leadership lost; the process exits so that it restarts as a follower"),
                        leader -> LOG.infof("leader election: the leader is %s", leader)));
        config.leaseNamespace().ifPresent(lease::withLeaseNamespace);
        config.identity().ifPresent(lease::withIdentity);
        return lease.build();
    }

    /** The LoadTest controller and its run pipeline, every call to S3, DynamoDB and the backends guarded. */
    public static LoadTestReconciler loadTestReconciler(KubernetesClient client, RunSettings settings, List<WorkerBackend> backendList,
                                                        PodCache podCache, TestRegions testRegions, ObjectStore s3Store,
                                                        ResultHistory dynamoHistory, List<String> planPrefixes, RunMetrics metrics,
                                                        Clock clock) {
        return loadTestReconciler(client, settings, backendList, podCache, testRegions, s3Store, dynamoHistory, planPrefixes, metrics,
                LiveSettings.defaults(), clock, () -> { });
    }

    /**
     * The LoadTest controller, following running tests' live records as {@code live} says, running {@code firstLoadTest}
     * before each reconcile.
     */
    public static LoadTestReconciler loadTestReconciler(KubernetesClient client, RunSettings settings, List<WorkerBackend> backendList,
                                                        PodCache podCache, TestRegions testRegions, ObjectStore s3Store,
                                                        ResultHistory dynamoHistory, List<String> planPrefixes, RunMetrics metrics,
                                                        LiveSettings liveSettings, Clock clock, Runnable firstLoadTest) {
        var expected = List.<Class<? extends RuntimeException>>of(LaunchFailedException.class, TestRegions.UnusableTestRegion.class);
        ObjectStore store = Guarded.of(ObjectStore.class, s3Store, Dependency.S3, expected);
        ResultHistory history = Guarded.of(ResultHistory.class, dynamoHistory, Dependency.DYNAMODB, expected);
        WorkerBackends backends = new WorkerBackends(backendList.stream()
                .map(b -> Guarded.of(WorkerBackend.class, b, Dependency.service(b.service()), expected)).toList());
        EventRecorder events = new EventRecorder(client);
        RunPlanner planner = new RunPlanner(testRegions, backends, settings.bucket());
        JmeterPlans plans = new JmeterPlans(client, store, settings.bucket(), planPrefixes);
        RunSecrets secrets = new RunSecrets(client);
        WorkerFleet fleet = new WorkerFleet(backends, settings);
        RunObserver observer = new RunObserver(fleet, clock);
        ResultCollector collector = new ResultCollector(store);
        RunRecorder recorder = new RunRecorder(history);
        LiveTracker live = new LiveTracker(store, liveSettings, clock);
        RunConductor conductor = new RunConductor(planner, Map.of(
                Phase.Launching, new LaunchStep(fleet, observer, secrets, store, plans, events, settings),
                Phase.Starting, new StartStep(observer, new CoordinatedStartSignal(store, settings, clock), collector, settings),
                Phase.Running, new RunStep(observer, fleet, events, settings, live, metrics),
                Phase.Collecting, new CollectStep(collector, new RunSummarizer(), settings,
                        new BaselineComparison(new Baselines(store, settings.bucket()))),
                Phase.Recording, new RecordStep(fleet, secrets, recorder, new ReportPublisher(store, live),
                        settings.recordTimeout(), metrics, events)), events, metrics, settings, clock);
        return new LoadTestReconciler(conductor, new RunCanceller(planner, fleet, secrets, recorder, clock), plans, podCache, events, clock,
                firstLoadTest);
    }
}
