package dev.dlt.ecs;

import dev.dlt.backend.LaunchFailedException;

/**
 * ECS could not launch what a run needs (an expected failure: capacity, quota, throttling past the
 * deadline, a bad TestRegion, overrides too large); what this launch started has been stopped.
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
