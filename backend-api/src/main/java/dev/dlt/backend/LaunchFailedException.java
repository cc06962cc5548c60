package dev.dlt.backend;

/**
 * A backend could not launch what a run needs, for a reason retrying will not fix soon (capacity,
 * quota, a bad region, limits); whatever that launch started has been stopped again.
 */
public class LaunchFailedException extends RuntimeException {

    public LaunchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
