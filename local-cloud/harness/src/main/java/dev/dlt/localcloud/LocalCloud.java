package dev.dlt.localcloud;

import dev.dlt.localcloud.aws.ClassDataArchives;
import dev.dlt.localcloud.aws.DynamoDbLocalServer;
import dev.dlt.localcloud.aws.S3ProxyServer;
import dev.dlt.localcloud.ecs.EcsEmulator;
import dev.dlt.localcloud.ecs.TaskDefinitionSpec;
import dev.dlt.localcloud.kube.Kubelet;
import dev.dlt.localcloud.kube.LocalKubernetes;
import dev.dlt.localcloud.kube.LoopbackAddresses;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Everything the operator talks to, on this machine, with the real protocols: a Kubernetes API
 * server with a kubelet that runs worker agents on their own loopback addresses, an ECS emulator
 * that does the same for tasks, S3 (S3Proxy) and DynamoDB (DynamoDB Local) in their own JVMs; and
 * the packaged operator, pointed at all of them.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String BUCKET = "dlt-local";
    public static final String TABLE = "dlt-results";
    public static final String REGION = "us-east-1";
    /** The ECS region the local cloud offers, with cluster {@link #ECS_CLUSTER} and task definition {@link #ECS_TASK_DEFINITION}. */
    public static final String ECS_REGION = "us-west-2";
    public static final String ECS_CLUSTER = "dlt-local";
    public static final String ECS_TASK_DEFINITION = "dlt-load-tester";
    public static final String ECS_CONTAINER = "load-tester";
    private static final Logger LOG = Logger.getLogger(LocalCloud.class.getName());
    private static final Duration OPERATOR_START_TIMEOUT = Duration.ofSeconds(90);

    private final S3ProxyServer s3;
    private final DynamoDbLocalServer dynamo;
    private final LocalKubernetes kube;
    private final Kubelet kubelet;
    private final EcsEmulator ecs;
    private final S3Client s3Client;
    private final DynamoDbClient dynamoClient;
    private OperatorProcess operator;
    private Path operatorJar;
    private Path operatorWorkDir;
    private Map<String, String> operatorConfig;
    private int operatorStarts;
    private ClassDataArchives archives = ClassDataArchives.none();

    private LocalCloud(S3ProxyServer s3, DynamoDbLocalServer dynamo, LocalKubernetes kube, Kubelet kubelet, EcsEmulator ecs) {
        this.s3 = s3;
        this.dynamo = dynamo;
        this.kube = kube;
        this.kubelet = kubelet;
        this.ecs = ecs;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
        this.s3Client = S3Client.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.of(REGION))
                .credentialsProvider(credentials).endpointOverride(s3.endpoint()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build();
        this.dynamoClient = DynamoDbClient.builder().httpClientBuilder(Apache5HttpClient.builder()).region(Region.of(REGION))
                .credentialsProvider(credentials).endpointOverride(dynamo.endpoint()).build();
    }

    /**
     * Starts S3, DynamoDB and Kubernetes (with the CRDs of {@code crdDir}) and the kubelet; the
     * operator is started separately by {@link #startOperator}.
     */
    public static LocalCloud start(Path workDir, Path crdDir) throws IOException, InterruptedException {
        return start(workDir, crdDir, StartOptions.DEFAULTS);
    }

    /**
     * Starts S3, DynamoDB, Kubernetes (with the CRDs of {@code crdDir}), the kubelet and, if {@code options} name
     * it, the operator, overlapping their start-ups: the AWS servers' JVMs boot while Kubernetes, the kubelet and
     * the ECS emulator start in this JVM, and the operator's JVM boots while the AWS servers finish theirs.
     */
    public static LocalCloud start(Path workDir, Path crdDir, StartOptions options) throws IOException, InterruptedException {
        S3ProxyServer s3 = null;
        DynamoDbLocalServer dynamo = null;
        LocalKubernetes kube = null;
        Kubelet kubelet = null;
        EcsEmulator ecs = null;
        LocalCloud cloud = null;
        long started = System.nanoTime();
        try {
            s3 = S3ProxyServer.spawn(workDir.resolve("s3"), options.archives());
            // no archive for DynamoDB Local: its jar's manifest puts a directory on the class path, which the JVM cannot archive
            dynamo = DynamoDbLocalServer.spawn(workDir.resolve("dynamodb"), ClassDataArchives.none());
            kube = LocalKubernetes.start(crdDir);
            logStep("Kubernetes API server up", started);
            ecs = EcsEmulator.start();
            registerEcsRegion(ecs, s3);
            kubelet = new Kubelet(kube.client(), new LoopbackAddresses(10), workDir.toAbsolutePath().resolve("pods")).start();
            kubelet.s3Endpoint(s3.endpoint());
            cloud = new LocalCloud(s3, dynamo, kube, kubelet, ecs);
            cloud.archives = options.archives();
            // the operator needs only the endpoints to boot (it checks DynamoDB in the background, touches S3 when a run
            // does), so its JVM boots while the AWS servers finish theirs
            if (options.operator() != null) {
                cloud.spawnOperator(options.operator(), Map.of(), workDir);
            }
            logStep("kubelet and ECS emulator up", started);
            dynamo.awaitReady();
            logStep("DynamoDB Local answers", started);
            s3.awaitReady();
            logStep("S3Proxy answers", started);
            try {
                cloud.s3Client.createBucket(b -> b.bucket(BUCKET));
            } catch (BucketAlreadyOwnedByYouException kept) {
                // the filesystem store keeps the bucket of an earlier local run
            }
            if (options.operator() != null) {
                cloud.operator.awaitStarted(OPERATOR_START_TIMEOUT);
                logStep("operator started", started);
            }
            return cloud;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (cloud != null) {
                closeQuietly(cloud);
            } else {
                closeQuietly(s3);
                closeQuietly(dynamo);
                closeQuietly(kubelet);
                closeQuietly(kube);
                closeQuietly(ecs);
            }
            throw e;
        }
    }

    /**
     * How {@link #start(Path, Path, StartOptions)} starts the cloud: the class-data archives its JVMs use, and the
     * operator to start with it (or none: {@link #startOperator} starts one later).
     */
    public record StartOptions(ClassDataArchives archives, OperatorLaunch operator) {

        public static final StartOptions DEFAULTS = new StartOptions(ClassDataArchives.none(), null);

        public StartOptions withArchives(ClassDataArchives archives) {
            return new StartOptions(archives, operator);
        }

        /** Starts the packaged operator {@code quarkusRunJar} with the cloud, as {@link #startOperator(Path, Path, Duration, Map)} would. */
        public StartOptions withOperator(Path quarkusRunJar, Duration poll, Map<String, String> workerEnv) {
            return new StartOptions(archives, new OperatorLaunch(quarkusRunJar, poll, Map.copyOf(workerEnv)));
        }
    }

    /** The packaged operator's jar, how often it polls active runs, and more environment for every worker. */
    public record OperatorLaunch(Path quarkusRunJar, Duration poll, Map<String, String> workerEnv) {
    }

    /** The ECS cluster and task definition of the local region; tasks get what pods get from the operator's worker env. */
    private static void registerEcsRegion(EcsEmulator ecs, S3ProxyServer s3) {
        ecs.registerCluster(ECS_REGION, ECS_CLUSTER);
        ecs.registerTaskDefinition(ECS_REGION, TaskDefinitionSpec.fargate(ECS_TASK_DEFINITION, ECS_CONTAINER, workerEnvironment(s3))
                .withHealthCheck());
    }

    private static Map<String, String> workerEnvironment(S3ProxyServer s3) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DLT_S3_ENDPOINT", s3.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        env.put("DLT_ENGINE", "native");
        env.put("DLT_START_LEAD_MS", "1000");
        return env;
    }

    /** Where the start-up time goes, in the local cloud's log. */
    private static void logStep(String step, long startedNanos) {
        LOG.info(() -> String.format(Locale.ROOT, "start-up: %s after %.1f s", step, (System.nanoTime() - startedNanos) / 1e9));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already failing: the first error is the one to report
            }
        }
    }

    /** Starts the packaged operator against this cloud; {@code poll} is how often it looks at active runs. */
    public OperatorProcess startOperator(Path quarkusRunJar, Path workDir, Duration poll) throws IOException, InterruptedException {
        return startOperator(quarkusRunJar, workDir, poll, Map.of());
    }

    /** As {@link #startOperator(Path, Path, Duration)}, with more environment for every worker pod (e.g. {@code DLT_BZT}). */
    public OperatorProcess startOperator(Path quarkusRunJar, Path workDir, Duration poll, Map<String, String> workerEnv)
            throws IOException, InterruptedException {
        return startOperator(quarkusRunJar, workDir, poll, workerEnv, Map.of());
    }

    /**
     * As {@link #startOperator(Path, Path, Duration, Map)}, with {@code overrides} of the operator's settings,
     * e.g. {@code dlt.timeouts.collect=10s}.
     */
    public OperatorProcess startOperator(Path quarkusRunJar, Path workDir, Duration poll, Map<String, String> workerEnv,
                                         Map<String, String> overrides) throws IOException, InterruptedException {
        spawnOperator(new OperatorLaunch(quarkusRunJar, poll, workerEnv), overrides, workDir);
        operator.awaitStarted(OPERATOR_START_TIMEOUT);
        return operator;
    }

    private void spawnOperator(OperatorLaunch launch, Map<String, String> overrides, Path workDir) throws IOException {
        Map<String, String> config = operatorConfig(launch.poll());
        launch.workerEnv().forEach((name, value) -> config.put("dlt.worker.env." + name, value));
        config.putAll(overrides);
        operatorJar = launch.quarkusRunJar();
        operatorWorkDir = workDir;
        operatorConfig = Map.copyOf(config);
        operator = OperatorProcess.spawn("operator", launch.quarkusRunJar(), config, workDir, archives);
        operatorStarts = 1;
    }

    /**
     * Starts one more operator process with the settings of {@link #startOperator} plus {@code overrides}
     * (a replica under leader election, say), logging to {@code <name>.log}; the caller kills or closes it.
     */
    public OperatorProcess startOperatorReplica(String name, Map<String, String> overrides) throws IOException, InterruptedException {
        if (operatorJar == null) {
            throw new IllegalStateException("start the operator first");
        }
        Map<String, String> config = new LinkedHashMap<>(operatorConfig);
        config.putAll(overrides);
        OperatorProcess replica = OperatorProcess.spawn(name, operatorJar, config, operatorWorkDir, archives);
        replica.awaitStarted(OPERATOR_START_TIMEOUT);
        return replica;
    }

    /** Kills the operator with SIGKILL, as a node failure or the OOM killer would. */
    public void killOperator() {
        operator.kill();
    }

    /** Starts the operator again with the same settings (after {@link #killOperator}); it logs to {@code operator-<n>.log}. */
    public OperatorProcess restartOperator() throws IOException, InterruptedException {
        if (operator.alive()) {
            throw new IllegalStateException("the operator is still running");
        }
        operator = OperatorProcess.spawn("operator-" + ++operatorStarts, operatorJar, operatorConfig, operatorWorkDir, archives);
        operator.awaitStarted(OPERATOR_START_TIMEOUT);
        return operator;
    }

    /** The S3 server, to stop, restart, freeze and thaw it. */
    public S3ProxyServer s3Server() {
        return s3;
    }

    /** The DynamoDB server, to stop, restart, freeze and thaw it. */
    public DynamoDbLocalServer dynamoServer() {
        return dynamo;
    }

    public Map<String, String> operatorConfig(Duration poll) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.kubernetes-client.api-server-url", kube.url());
        config.put("quarkus.kubernetes-client.trust-certs", "true");
        config.put("quarkus.kubernetes-client.namespace", "default");
        config.put("quarkus.http.port", "0");
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("dlt.aws.region", REGION);
        config.put("dlt.aws.access-key-id", S3ProxyServer.ACCESS_KEY);
        config.put("dlt.aws.secret-access-key", S3ProxyServer.SECRET_KEY);
        config.put("dlt.s3.bucket", BUCKET);
        config.put("dlt.s3.endpoint", s3.endpoint().toString());
        config.put("dlt.dynamodb.endpoint", dynamo.endpoint().toString());
        config.put("dlt.dynamodb.table", TABLE);
        config.put("dlt.timeouts.poll", poll.toMillis() + "ms");
        config.put("dlt.timeouts.launch", "60s");
        config.put("dlt.timeouts.reach", "30s");
        // every leader polls for the instant every 200 ms and its workers are on loopback: a second is plenty
        config.put("dlt.timeouts.start-lead", "1s");
        config.put("dlt.timeouts.finish-grace", "30s");
        config.put("dlt.timeouts.collect", "30s");
        config.put("dlt.timeouts.test-region-grace", "5s");
        config.put("dlt.ecs.endpoint", ecs.endpoint().toString());
        config.put("dlt.ecs.launch-deadline", "30s");
        // the workers run in-process here; these reach them as their pods' environment
        workerEnvironment(s3).forEach((name, value) -> config.put("dlt.worker.env." + name, value));
        return config;
    }

    /** Where kubectl connects (discovery, Tables, streaming watches in front of the API server). */
    public URI kubectlUrl() {
        return kube.kubectlUrl();
    }

    /** Writes a kubeconfig for kubectl to {@code file}. */
    public Path writeKubeconfig(Path file) throws IOException {
        return kube.writeKubeconfig(file);
    }

    public KubernetesClient kubernetes() {
        return kube.client();
    }

    public Kubelet kubelet() {
        return kubelet;
    }

    public EcsEmulator ecs() {
        return ecs;
    }

    public S3Client s3() {
        return s3Client;
    }

    public DynamoDbClient dynamo() {
        return dynamoClient;
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public OperatorProcess operator() {
        return operator;
    }

    @Override
    public void close() {
        if (operator != null) {
            operator.close();
        }
        kubelet.close();
        ecs.close();
        s3Client.close();
        dynamoClient.close();
        kube.close();
        dynamo.close();
        s3.close();
    }
}
