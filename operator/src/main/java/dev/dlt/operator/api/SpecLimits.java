package dev.dlt.operator.api;

/** The bounds of every LoadTest field, shared by the CRD schema annotations and the {@code SpecValidator}. */
public final class SpecLimits {

    public static final int MAX_CONCURRENCY = 5_000;
    /** Iterations per second of an open model (per test or per worker). */
    public static final long MAX_ARRIVAL_RATE = 1_000_000;
    public static final int MAX_STAGES = 100;
    public static final int MAX_RAMP_STEPS = 1_000;
    /** How long the stages of an open model may last together. */
    public static final String MAX_STAGES_DURATION = "24h";
    public static final int MAX_WORKERS_PER_GROUP = 1_000;
    public static final int MAX_WORKERS = 1_000;
    public static final int MAX_WORKER_GROUPS = 20;
    public static final long MAX_VIRTUAL_USERS = 500_000;
    public static final int MAX_REQUESTS = 100;
    public static final int MAX_HEADERS = 50;
    public static final int MAX_HEADER_NAME = 256;
    public static final int MAX_HEADER_VALUE = 8_192;
    public static final int MAX_BODY = 65_536;
    public static final int MAX_LABEL = 128;
    public static final int MAX_URL = 2_048;
    public static final int MAX_DURATION_TEXT = 32;
    public static final int MAX_NAME = 253;
    public static final int MAX_S3_KEY = 1_024;
    public static final String MAX_HOLD_FOR = "24h";
    public static final String MAX_RAMP_UP = "6h";
    public static final String MAX_REQUEST_TIMEOUT = "10m";
    public static final int DEFAULT_HEALTHY_THRESHOLD = 90;
    public static final int MAX_THRESHOLDS = 50;

    /** Taurus' time format as the CRD accepts it: 30s, 1m30s, 250ms, 1h, 2d, or a plain number of seconds. */
    public static final String DURATION = "^(\\d{1,9}(\\.\\d{1,3})?|(\\d{1,9}(\\.\\d{1,3})?(ms|d|h|m|s))+)$";
    /** An http(s) URL with a host (a name or a bracketed IPv6 address), an optional port 1-65535, no user info, spaces or control characters. */
    public static final String URL = "^https?://(\\[[0-9A-Fa-f:.]+\\]|[^\\s/?#@:\\[\\]\\x00-\\x1F\\x7F]+)"
            + "(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?([/?#][^\\s\\x00-\\x1F\\x7F]*)?$";
    /** An ECS cluster name or ARN. */
    public static final String ECS_CLUSTER = "^([A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255})$";
    /** An ECS task definition: family, family:revision or ARN. */
    public static final String ECS_TASK_DEFINITION = "^([A-Za-z0-9_-]{1,255}(:[0-9]{1,9})?"
            + "|arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task-definition/[A-Za-z0-9_-]{1,255}(:[0-9]{1,9})?)$";
    /** An ECS container name. */
    public static final String ECS_CONTAINER = "^[A-Za-z0-9_-]{1,255}$";
    /** A CloudWatch Logs group name. */
    public static final String LOG_GROUP = "^[.\\-_/#A-Za-z0-9]{1,512}$";
    public static final int MAX_SUBNETS = 16;
    public static final int MAX_SECURITY_GROUPS = 5;
    public static final int MAX_AWS_ID = 255;
    /** A Kubernetes object name (DNS-1123 subdomain). */
    /** A Kubernetes CPU quantity in cores or millicores: 1, 0.5, 500m. */
    public static final String CPU_QUANTITY = "^([0-9]+(\\.[0-9]+)?|[0-9]+m)$";
    /** A Kubernetes memory quantity with a binary or decimal suffix: 2Gi, 4096Mi, 512M. */
    public static final String MEMORY_QUANTITY = "^[0-9]+(Ki|Mi|Gi|Ti|k|M|G|T)?$";
    public static final String DNS_1123_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** A ConfigMap key. */
    public static final String CONFIG_MAP_KEY = "^[-._a-zA-Z0-9]+$";
    /** An S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens). */
    public static final String S3_BUCKET = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";
    /** A header field name: an RFC 9110 token. */
    public static final String HEADER_NAME = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";
    /** Characters a header value, label or URL must not hold: controls except horizontal tab. */
    public static final String CONTROL_CHARS = "[\\x00-\\x08\\x0A-\\x1F\\x7F]";

    private SpecLimits() {
    }
}
