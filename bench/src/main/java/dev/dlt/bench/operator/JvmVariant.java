package dev.dlt.bench.operator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of JVM options the operator is started with. {@link #CHART_BEFORE} is what the Helm chart
 * set before issue 8; {@link #TUNED} is what the chart and Dockerfile.jvm set now (keep them in step
 * with helm/dlt-operator/values.yaml {@code javaOpts}). Both run as if under the chart's memory
 * limit ({@code -XX:MaxRAM}), since outside a container the JVM would size itself to the machine.
 */
public record JvmVariant(String name, List<String> options) {

    static final String LIMIT_BEFORE = "768m";
    static final String LIMIT_NOW = "512m";

    static final JvmVariant CHART_BEFORE = of("chart-before", "-XX:MaxRAM=" + LIMIT_BEFORE
            + " -XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError"
            + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    /** The chart's {@code javaOpts} now, less the class data sharing archive (added per variant) and the log manager. */
    public static final String TUNED_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=60.0"
            + " -XX:InitialRAMPercentage=4.0 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -Xss512k"
            + " -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=128m -XX:+UnlockExperimentalVMOptions"
            + " -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError";

    static final JvmVariant TUNED = of("tuned", "-XX:MaxRAM=" + LIMIT_NOW + " " + TUNED_OPTIONS
            + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    static JvmVariant of(String name, String options) {
        return new JvmVariant(name, List.copyOf(Arrays.asList(options.trim().split("\\s+"))));
    }

    JvmVariant with(String name, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new JvmVariant(name, List.copyOf(all));
    }
}
