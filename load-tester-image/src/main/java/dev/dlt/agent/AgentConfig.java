package dev.dlt.agent;

import dev.dlt.agent.gate.StartGate;
import dev.dlt.results.layout.ResultKeys;
import dev.dlt.results.layout.WorkerEnv;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's settings, read from its environment (the pod's or task's env vars); the names are
 * those of {@link WorkerEnv}.
 */
public record AgentConfig(Map<String, String> env) {

    public static final String ROLE = WorkerEnv.ROLE;
    public static final String TEST_ID = WorkerEnv.TEST_ID;
    public static final String RUN_ID = WorkerEnv.RUN_ID;
    public static final String REGION = WorkerEnv.REGION;
    public static final String WORKER_ID = WorkerEnv.WORKER_ID;
    public static final String BUCKET = "DLT_S3_BUCKET";
    public static final String S3_ENDPOINT = "DLT_S3_ENDPOINT";
    public static final String SCENARIO_KEY = WorkerEnv.SCENARIO_KEY;
    public static final String RUN_SECRET = WorkerEnv.RUN_SECRET;
    public static final String BIND_ADDRESS = WorkerEnv.BIND_ADDRESS;
    public static final String START_PORT = WorkerEnv.START_PORT;
    public static final String START_DEADLINE = WorkerEnv.START_DEADLINE;
    public static final String ENGINE = WorkerEnv.ENGINE;
    public static final String WORKER_ADDRESSES = WorkerEnv.WORKER_ADDRESSES;
    public static final String WORKER_ADDRESSES_KEY = WorkerEnv.WORKER_ADDRESSES_KEY;
    public static final String REACH_DEADLINE = WorkerEnv.REACH_DEADLINE;
    public static final String START_LEAD_MS = WorkerEnv.START_LEAD_MS;
    public static final String AWS_REGION = WorkerEnv.AWS_REGION;
    /** How long a worker or leader keeps trying to store its results before it gives up and exits non-zero. */
    public static final String UPLOAD_DEADLINE = WorkerEnv.UPLOAD_DEADLINE;
    static final long DEFAULT_UPLOAD_DEADLINE_SECONDS = 600;

    public AgentConfig {
        env = Map.copyOf(env);
    }

    public String required(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    public boolean leader() {
        return "leader".equalsIgnoreCase(optional(ROLE).orElse("worker"));
    }

    public ResultKeys keys() {
        return new ResultKeys(required(TEST_ID), required(RUN_ID), optional(REGION).orElse("default"));
    }

    public String workerId() {
        return optional(WORKER_ID).orElse(leader() ? ResultKeys.LEADER : "worker");
    }

    public byte[] runSecret() {
        byte[] secret = Base64.getDecoder().decode(required(RUN_SECRET));
        if (secret.length < 16) {
            throw new IllegalArgumentException(RUN_SECRET + " must hold at least 16 bytes (base64)");
        }
        return secret;
    }

    public String bindAddress() {
        return optional(BIND_ADDRESS).orElse("0.0.0.0");
    }

    public int startPort() {
        return optional(START_PORT).map(Integer::parseInt).orElse(StartGate.DEFAULT_PORT);
    }

    public Duration seconds(String name, long fallback) {
        return Duration.ofSeconds(optional(name).map(Long::parseLong).orElse(fallback));
    }

    public Duration uploadDeadline() {
        return seconds(UPLOAD_DEADLINE, DEFAULT_UPLOAD_DEADLINE_SECONDS);
    }

    /** Seconds between live records (may be fractional, at least 0.1); 0 turns them off; default 5. */
    public Duration liveInterval() {
        String value = optional(WorkerEnv.LIVE_INTERVAL).orElse("5");
        try {
            double seconds = Double.parseDouble(value);
            if (seconds == 0) {
                return Duration.ZERO;
            }
            if (seconds >= 0.1 && seconds <= 3600) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // falls through to the default
        }
        java.util.logging.Logger.getLogger(AgentConfig.class.getName()).warning(WorkerEnv.LIVE_INTERVAL + "=" + value
                + " is not a number of seconds between 0.1 and 3600; using 5");
        return Duration.ofSeconds(5);
    }

    public String engine() {
        return optional(ENGINE).orElse("native");
    }
}
