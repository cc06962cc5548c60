package dev.dlt.localcloud.kube;

/** What runs in a local pod: an agent on a thread of this JVM, or in a JVM of its own as in a container. */
interface PodContainer {

    /** Runs the agent until it exits; returns its exit code. */
    int run() throws InterruptedException;

    /** What deleting the pod does: asks the agent to stop, and (processes) kills it after {@code grace}; returns once it is gone or given up on. */
    void terminate(java.time.Duration grace);

    /** As SIGKILL: the agent ends at once, uploading nothing. */
    void kill();

    /** The agent's process, when it has one of its own. */
    default java.util.Optional<ProcessHandle> process() {
        return java.util.Optional.empty();
    }
}
