package dev.dlt.operator.backend.eks;

import dev.dlt.backend.RunRef;
import dev.dlt.backend.WorkerRole;
import java.util.Locale;
import java.util.Map;

/** Names and labels of worker pods: deterministic, so a restarted operator finds what it launched. */
public final class WorkerPods {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "dlt-operator";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String NAME_VALUE = "dlt-worker";
    public static final String TEST = "load.dlt.dev/test";
    public static final String TEST_UID = "load.dlt.dev/test-uid";
    public static final String RUN = "load.dlt.dev/run";
    public static final String ROLE = "load.dlt.dev/role";
    public static final String WORKER = "load.dlt.dev/worker";
    public static final String REGION = "load.dlt.dev/region";
    public static final String CONTAINER = "load-tester";
    public static final int START_PORT = 50000;

    private WorkerPods() {
    }

    public static String podName(RunRef run, String workerId) {
        return prefix(run) + "-" + workerId;
    }

    public static String secretName(RunRef run) {
        return prefix(run) + "-gate";
    }

    public static Map<String, String> labels(RunRef run, String region, WorkerRole role, String workerId) {
        return Map.of(MANAGED_BY, MANAGED_BY_VALUE, NAME, NAME_VALUE, TEST, labelValue(run.testName()),
                TEST_UID, run.testUid(), RUN, run.runId(), REGION, labelValue(region),
                ROLE, role.name().toLowerCase(Locale.ROOT), WORKER, workerId);
    }

    public static Map<String, String> runSelector(RunRef run) {
        return Map.of(MANAGED_BY, MANAGED_BY_VALUE, TEST_UID, run.testUid(), RUN, run.runId());
    }

    private static String prefix(RunRef run) {
        String name = run.testName().toLowerCase(Locale.ROOT);
        return (name.length() > 30 ? name.substring(0, 30).replaceAll("[-.]+$", "") : name) + "-" + run.runId();
    }

    private static String labelValue(String value) {
        return value.length() > 63 ? value.substring(0, 63).replaceAll("[-_.]+$", "") : value;
    }
}
