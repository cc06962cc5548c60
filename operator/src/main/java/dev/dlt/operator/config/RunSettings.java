package dev.dlt.operator.config;

import java.time.Duration;
import java.util.Map;

/**
 * The settings a run needs, as a plain value (built from {@link OperatorConfig} in production and
 * by hand in tests).
 */
public record RunSettings(String bucket, String awsRegion, Map<String, String> workerEnv, Duration launchTimeout,
                          Duration launchDeadline, Duration reachTimeout, Duration startLead, Duration finishGrace,
                          Duration collectTimeout, Duration recordTimeout, Duration testRegionGrace, Duration poll, int historySize) {

    public RunSettings {
        workerEnv = Map.copyOf(workerEnv);
    }

    public static RunSettings from(OperatorConfig config) {
        OperatorConfig.Timeouts t = config.timeouts();
        Map<String, String> workerEnv = new java.util.HashMap<>(config.worker().env());
        workerEnv.putIfAbsent(dev.dlt.results.layout.WorkerEnv.LIVE_INTERVAL, Double.toString(config.live().interval().toMillis() / 1000.0));
        return new RunSettings(config.s3().bucket(), config.aws().region(), workerEnv, t.launch(),
                config.ecs().launchDeadline(), t.reach(), t.startLead(), t.finishGrace(), t.collect(), t.record(),
                t.testRegionGrace(), t.poll(), config.historySize());
    }
}
