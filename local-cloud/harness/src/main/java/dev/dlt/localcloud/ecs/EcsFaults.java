package dev.dlt.localcloud.ecs;

/**
 * Faults the {@link EcsEmulator} injects into RunTask, as real ECS produces them under load: a
 * ThrottlingException on every k-th call, and tasks of a call reported as {@code failures}
 * (RESOURCE:MEMORY) instead of launched.
 */
public final class EcsFaults {

    static final String FAILURE_REASON = "RESOURCE:MEMORY";

    private int throttleEvery;
    private int failTasks;
    private int failCallsLeft;
    private int throttled;
    private int failed;

    /** Answers every k-th RunTask call (1-based, counting all calls) with a ThrottlingException; 0 turns it off. */
    public synchronized EcsFaults throttleEveryRunTask(int k) {
        this.throttleEvery = k;
        return this;
    }

    /** Reports {@code tasks} tasks of each of the next {@code calls} RunTask calls as failures instead of launching them. */
    public synchronized EcsFaults failTasksOfNextRunTasks(int tasks, int calls) {
        this.failTasks = tasks;
        this.failCallsLeft = calls;
        return this;
    }

    public synchronized void clear() {
        throttleEvery = 0;
        failCallsLeft = 0;
    }

    /** RunTask calls answered with a ThrottlingException so far. */
    public synchronized int throttledCalls() {
        return throttled;
    }

    /** Tasks reported as failures so far. */
    public synchronized int failedTasks() {
        return failed;
    }

    synchronized boolean throttle(int callNumber) {
        boolean throttle = throttleEvery > 0 && callNumber % throttleEvery == 0;
        if (throttle) {
            throttled++;
        }
        return throttle;
    }

    /** How many of a call's {@code count} tasks fail. */
    synchronized int failing(int count) {
        if (failCallsLeft <= 0) {
            return 0;
        }
        failCallsLeft--;
        int failing = Math.min(count, failTasks);
        failed += failing;
        return failing;
    }
}
