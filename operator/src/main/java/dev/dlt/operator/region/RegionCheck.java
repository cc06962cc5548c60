package dev.dlt.operator.region;

import dev.dlt.backend.TestRegionSettings;

/** Checks that a region's ECS cluster and task definition exist and fit (an ECS call behind it). */
@FunctionalInterface
public interface RegionCheck {

    Result check(TestRegionSettings settings);

    /** Whether the region can run workers, and why not. */
    record Result(boolean ready, String message) {
    }
}
