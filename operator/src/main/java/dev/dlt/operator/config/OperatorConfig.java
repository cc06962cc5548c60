package dev.dlt.operator.config;


import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operator's settings ({@code dlt.*} in application.properties or {@code DLT_*} env vars). */
@ConfigMapping(prefix = "dlt")
public interface OperatorConfig {

    /** Namespaces to watch; empty means all. */
    Optional<Set<String>> namespaces();

    Aws aws();

    S3 s3();

    Dynamodb dynamodb();

    Worker worker();

    Ecs ecs();

    Timeouts timeouts();

    Live live();

    LeaderElection leaderElection();

    Log log();

    /** Runs kept in status.history. */
    @WithDefault("10")
    int historySize();

    /** AWS settings shared by the clients. */
    interface Aws {
        @WithDefault("us-east-1")
        String region();

        /** Static credentials, for the local cloud; in production the default chain (IRSA) is used. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }

    /** The bucket holding scenarios and results. */
    interface S3 {
        String bucket();

        Optional<String> endpoint();

        /** More places LoadTests may read jmeter.s3 plans from, as bucket/prefix; {namespace} is the LoadTest's namespace (docs/tenancy.md). */
        Optional<List<String>> planPrefixes();
    }

    /** The results table. */
    interface Dynamodb {
        @WithDefault("dlt-results")
        String table();

        Optional<String> endpoint();

        /** Create the table at start-up when it does not exist. */
        @WithDefault("true")
        boolean createTable();
    }

    /** The ECS Fargate backend (TestRegions). */
    interface Ecs {
        /** ECS endpoint override for every region, e.g. the local cloud's emulator. */
        Optional<String> endpoint();

        /** How long a launch keeps retrying throttling, capacity errors and RunTask failures before it fails the run. */
        @WithDefault("3m")
        Duration launchDeadline();
    }

    /** How worker pods look. */
    interface Worker {
        @WithDefault("public.ecr.aws/dlt-operator/load-tester:0.1.0")
        String image();

        Optional<String> serviceAccount();

        @WithDefault("1")
        String cpu();

        @WithDefault("2Gi")
        String memory();

        /** Extra environment for every worker, e.g. a proxy or an S3 endpoint. */
        Map<String, String> env();
    }

    /** Live results of running tests (docs/live-results.md). */
    interface Live {
        /** How often each worker publishes its live record; 0 turns live records off. */
        @WithDefault("5s")
        Duration interval();

        /** How often the operator reads the live records of a running test. */
        @WithDefault("2s")
        Duration readEvery();

        /** How often status.progress is replaced at most (each replacement is a status patch). */
        @WithDefault("5s")
        Duration statusEvery();

        /** The window of the live request rate, error rate and p95. */
        @WithDefault("15s")
        Duration window();

        /** An HTTPS base for the bucket (e.g. a CloudFront distribution): status.result.reportHttpsUrl = base + "/" + key. */
        Optional<String> reportBaseUrl();
    }

    /** How long each step of a run may take. */
    interface Timeouts {
        /** From launch until every worker is up and listening. */
        @WithDefault("10m")
        Duration launch();

        /** How long a leader keeps trying to reach its workers. */
        @WithDefault("3m")
        Duration reach();

        /** Slack after ramp-up + hold-for before workers are stopped. */
        @WithDefault("2m")
        Duration finishGrace();

        /** How long to wait for every worker's results in S3. */
        @WithDefault("2m")
        Duration collect();

        /** How long a finished run keeps retrying to stop its workers and store its record (DynamoDB down) before it fails. */
        @WithDefault("1h")
        Duration record();

        /** How far ahead of now the common start instant is set once every region's leader reached its workers. */
        @WithDefault("3s")
        Duration startLead();

        /** How long a run waits for a TestRegion that does not exist or was not checked yet (applied together with it). */
        @WithDefault("30s")
        Duration testRegionGrace();

        /** How often an active run is looked at. */
        @WithDefault("2s")
        Duration poll();
    }

    /** The operator's log format. */
    interface Log {
        /** JSON lines instead of text; Quarkus reads it through quarkus.log.console.json.enabled. */
        @WithDefault("false")
        boolean json();
    }

    /** Lease-based leader election, so that several replicas run with one reconciling at a time. */
    interface LeaderElection {
        @WithDefault("false")
        boolean enabled();

        /** Name of the coordination.k8s.io Lease the replicas compete for. */
        @WithDefault("dlt-operator")
        String leaseName();

        /** Namespace of the Lease; the operator's own namespace when unset. */
        Optional<String> leaseNamespace();

        /** This replica's name in the Lease; the pod name (HOSTNAME) when unset. */
        Optional<String> identity();

        /** How long a lease not renewed blocks the other replicas: the longest failover wait. */
        @WithDefault("15s")
        Duration leaseDuration();

        /** How long the leader keeps trying to renew before it gives up (and exits); 2/3 of the lease by default. */
        Optional<Duration> renewDeadline();

        /** How often the replicas try to take or renew the lease; 2/15 of the lease by default. */
        Optional<Duration> retryPeriod();
    }
}
