package dev.dlt.results.layout;

/** The environment variables through which the operator configures a worker agent (see docs/worker-image.md). */
public final class WorkerEnv {

    public static final String ROLE = "DLT_ROLE";
    public static final String TEST_ID = "DLT_TEST_ID";
    public static final String RUN_ID = "DLT_RUN_ID";
    public static final String REGION = "DLT_REGION";
    public static final String WORKER_ID = "DLT_WORKER_ID";
    public static final String BUCKET = "DLT_S3_BUCKET";
    public static final String S3_ENDPOINT = "DLT_S3_ENDPOINT";
    public static final String SCENARIO_KEY = "DLT_SCENARIO_KEY";
    public static final String RUN_SECRET = "DLT_RUN_SECRET";
    public static final String BIND_ADDRESS = "DLT_BIND_ADDRESS";
    public static final String START_PORT = "DLT_START_PORT";
    public static final String START_DEADLINE = "DLT_START_DEADLINE_SECONDS";
    public static final String UPLOAD_DEADLINE = "DLT_UPLOAD_DEADLINE_SECONDS";
    public static final String ENGINE = "DLT_ENGINE";
    public static final String WORKER_ADDRESSES = "DLT_WORKER_ADDRESSES";
    public static final String WORKER_ADDRESSES_KEY = "DLT_WORKER_ADDRESSES_KEY";
    public static final String REACH_DEADLINE = "DLT_REACH_DEADLINE_SECONDS";
    public static final String START_LEAD_MS = "DLT_START_LEAD_MS";
    public static final String AWS_REGION = "AWS_REGION";
    /** true: the leader waits for the operator's start instant, common to all regions (see docs/start-gate.md). */
    public static final String COORDINATED_START = "DLT_COORDINATED_START";
    public static final String COORDINATION_DEADLINE = "DLT_COORDINATION_DEADLINE_SECONDS";

    /** Seconds between a worker's live records; 0 turns them off. */
    public static final String LIVE_INTERVAL = "DLT_LIVE_INTERVAL_SECONDS";

    private WorkerEnv() {
    }
}
