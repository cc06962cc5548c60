package dev.dlt.operator.plan;

import dev.dlt.backend.TestRegionSettings;

/** Looks up the ECS settings a TestRegion describes; throws {@link UnusableTestRegion} when it cannot be used. */
public interface TestRegions {

    TestRegionSettings settings(String namespace, String name);

    /**
     * A TestRegion that cannot be used: the run fails with this message, launching nothing. When
     * {@code mayAppear}, the region does not exist or was not checked yet, which a LoadTest applied
     * together with its TestRegion sees for a moment, so the run waits a little first.
     */
    final class UnusableTestRegion extends RuntimeException {
        private final boolean mayAppear;

        public UnusableTestRegion(String message, boolean mayAppear) {
            super(message);
            this.mayAppear = mayAppear;
        }

        public UnusableTestRegion(String message) {
            this(message, false);
        }

        public boolean mayAppear() {
            return mayAppear;
        }
    }

    /** For clusters without ECS regions: every reference is unusable. */
    static TestRegions none() {
        return (namespace, name) -> {
            throw new UnusableTestRegion("TestRegion " + namespace + "/" + name + " not found (ECS backend not enabled)");
        };
    }
}
