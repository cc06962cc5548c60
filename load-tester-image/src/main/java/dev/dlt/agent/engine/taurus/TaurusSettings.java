package dev.dlt.agent.engine.taurus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the taurus engine runs bzt on this machine, read from the agent's environment (the image sets
 * them; see docs/worker-image.md).
 *
 * @param bzt           the bzt executable ({@value #BZT}); a bare name is looked up on the PATH
 * @param artifactsRoot where each run gets a fresh Taurus artifacts dir ({@value #ARTIFACTS_DIR})
 * @param jmeterHome    the JMeter that bzt runs, the base of the home a plan with plugins gets
 *                      ({@value #JMETER_HOME}); null when unknown
 * @param grace         added to ramp-up + hold-for before bzt is stopped ({@value #GRACE})
 * @param stopTimeout   how long bzt may take to stop after SIGTERM before it and its children are
 *                      killed ({@value #STOP_TIMEOUT})
 * @param bztHome       the HOME bzt and JMeter run with ({@value #BZT_HOME}): bzt writes {@code ~/.bzt-rc}
 *                      and JMeter {@code ~/.java} there; null to keep the agent's HOME (the image's
 *                      {@code ~/.bzt-rc} holds its Taurus defaults)
 */
public record TaurusSettings(String bzt, Path artifactsRoot, Path jmeterHome, Duration grace, Duration stopTimeout,
                             Path bztHome) {

    public static final String BZT = "DLT_BZT";
    public static final String ARTIFACTS_DIR = "DLT_ARTIFACTS_DIR";
    public static final String JMETER_HOME = "DLT_JMETER_HOME";
    public static final String GRACE = "DLT_BZT_GRACE_SECONDS";
    public static final String STOP_TIMEOUT = "DLT_BZT_STOP_SECONDS";
    public static final String BZT_HOME = "DLT_BZT_HOME";

    public static final String DEFAULT_BZT = "bzt";
    public static final Path DEFAULT_ARTIFACTS_ROOT = Path.of("/tmp/artifacts");
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);
    /** Leaves time for the upload within the usual 30 s between SIGTERM and SIGKILL of a pod or task. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);

    public TaurusSettings {
        if (bzt == null || bzt.isBlank()) {
            throw new IllegalArgumentException("the bzt executable is not set");
        }
        if (grace.isNegative() || stopTimeout.isNegative()) {
            throw new IllegalArgumentException("the bzt grace and stop timeout must not be negative");
        }
    }

    public TaurusSettings(String bzt, Path artifactsRoot, Path jmeterHome, Duration grace, Duration stopTimeout) {
        this(bzt, artifactsRoot, jmeterHome, grace, stopTimeout, null);
    }

    public Optional<Path> jmeterHomeDir() {
        return Optional.ofNullable(jmeterHome);
    }

    public static TaurusSettings fromEnv(Map<String, String> env) {
        return new TaurusSettings(
                value(env, BZT).orElse(DEFAULT_BZT),
                value(env, ARTIFACTS_DIR).map(Path::of).orElse(DEFAULT_ARTIFACTS_ROOT),
                value(env, JMETER_HOME).map(Path::of).orElse(null),
                value(env, GRACE).map(v -> seconds(GRACE, v)).orElse(DEFAULT_GRACE),
                value(env, STOP_TIMEOUT).map(v -> seconds(STOP_TIMEOUT, v)).orElse(DEFAULT_STOP_TIMEOUT),
                value(env, BZT_HOME).map(Path::of).orElse(null));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Duration seconds(String name, String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + value + "', expected a whole number of seconds", e);
        }
    }
}
