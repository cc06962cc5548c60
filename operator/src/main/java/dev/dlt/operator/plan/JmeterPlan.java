package dev.dlt.operator.plan;

/** A checked JMeter plan: the name it is stored under next to the scenario ({@code plan.jmx} or {@code plan.zip}) and its bytes. */
public record JmeterPlan(String fileName, byte[] content) {

    public static String fileName(String sourceKey) {
        return sourceKey.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? "plan.zip" : "plan.jmx";
    }
}
