package dev.dlt.ecs.region;

/**
 * The outcome of checking a TestRegion against ECS, shaped for its Ready condition.
 *
 * @param reason  CamelCase, e.g. {@code ResourcesFound}, {@code ClusterNotFound}, {@code TaskDefinitionNotUsable}
 * @param message what was found, or exactly what is missing or wrong
 */
public record TestRegionCheck(boolean ready, String reason, String message) {

    public static TestRegionCheck ready(String message) {
        return new TestRegionCheck(true, "ResourcesFound", message);
    }

    public static TestRegionCheck notReady(String reason, String message) {
        return new TestRegionCheck(false, reason, message);
    }
}
