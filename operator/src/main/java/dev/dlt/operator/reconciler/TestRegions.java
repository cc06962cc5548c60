package dev.dlt.operator.reconciler;

import dev.dlt.backend.TestRegionSettings;

/** Looks up the ECS settings a TestRegion describes; throws {@link UnusableTestRegion} when it cannot be used. */
public interface TestRegions {

    TestRegionSettings settings(String namespace, String name);

    /** A TestRegion that does not exist or is not Ready: the run fails with this message, launching nothing. */
    final class UnusableTestRegion extends RuntimeException {
        public UnusableTestRegion(String message) {
            super(message);
        }
    }

    /** For clusters without ECS regions: every reference is unusable. */
    static TestRegions none() {
        return (namespace, name) -> {
            throw new UnusableTestRegion("TestRegion " + namespace + "/" + name + " not found (ECS backend not enabled)");
        };
    }
}
