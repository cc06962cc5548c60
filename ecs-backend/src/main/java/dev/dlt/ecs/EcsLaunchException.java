package dev.dlt.ecs;

import dev.dlt.backend.LaunchFailedException;

/**
 * ECS refused to launch what a run needs for a reason calling again cannot fix (a bad TestRegion,
 * access denied, overrides too large); the run's tasks in the region have been stopped.
 */
public final class EcsLaunchException extends LaunchFailedException {

    private final String region;

    public EcsLaunchException(String region, String message, Throwable cause) {
        super(message, cause);
        this.region = region;
    }

    public EcsLaunchException(String region, String message) {
        this(region, message, null);
    }

    /** The TestRegion the launch was for. */
    public String region() {
        return region;
    }
}
