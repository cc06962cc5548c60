package dev.dlt.operator.plan;

import dev.dlt.backend.LaunchRequest;
import dev.dlt.operator.config.RunSettings;
import dev.dlt.results.layout.WorkerEnv;
import java.util.HashMap;
import java.util.Map;

/** The environment every worker and leader of a region gets (the backend adds role, id and secret). */
public final class WorkerEnvironment {

    private WorkerEnvironment() {
    }

    /** What a backend needs to launch (or find, or stop) the containers of one region of a run. */
    public static LaunchRequest request(RunPlan plan, RegionPlan region, RunSettings settings, byte[] secret, String secretName) {
        return new LaunchRequest(plan.run(), region.region(), region.workerIds(), of(plan, region, settings), secret, secretName,
                region.testRegion(), region.workers());
    }

    static Map<String, String> of(RunPlan plan, RegionPlan region, RunSettings settings) {
        Map<String, String> env = new HashMap<>(settings.workerEnv());
        env.put(WorkerEnv.TEST_ID, plan.run().testId());
        env.put(WorkerEnv.RUN_ID, plan.run().runId());
        env.put(WorkerEnv.REGION, region.region());
        env.put(WorkerEnv.BUCKET, region.bucket());
        env.put(WorkerEnv.AWS_REGION, region.testRegion() != null ? region.testRegion().region() : settings.awsRegion());
        // a worker that never hears its leader gives up after the launch and reach deadlines together
        long startDeadline = settings.launchTimeout().plus(settings.reachTimeout()).toSeconds() + 60;
        env.put(WorkerEnv.START_DEADLINE, Long.toString(startDeadline));
        env.put(WorkerEnv.REACH_DEADLINE, Long.toString(settings.reachTimeout().toSeconds()));
        // a worker keeps retrying its uploads (S3 down) as long as the operator waits for them
        env.put(WorkerEnv.UPLOAD_DEADLINE, Long.toString(settings.finishGrace().plus(settings.collectTimeout()).toSeconds()));
        // every region's leader waits for one start instant from the operator (see StartStep)
        env.put(WorkerEnv.COORDINATED_START, "true");
        env.put(WorkerEnv.COORDINATION_DEADLINE, Long.toString(settings.launchTimeout().plus(settings.reachTimeout()).toSeconds()));
        if (plan.engine() != null && !plan.engine().isEmpty()) {
            env.put(WorkerEnv.ENGINE, plan.engine());
        }
        return env;
    }
}
