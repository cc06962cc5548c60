package dev.dlt.localcloud.kube;

import dev.dlt.agent.Agent;
import java.time.Duration;

/** An agent on a thread of the kubelet's JVM: cheap to start, but it cannot be killed and its exit is never slow. */
final class ThreadContainer implements PodContainer {

    // the pod's own wait for the agent is bounded like the in-process stop always was
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Agent agent;
    private volatile Thread runner;

    ThreadContainer(Agent agent) {
        this.agent = agent;
    }

    @Override
    public int run() {
        runner = Thread.currentThread();
        return agent.run();
    }

    @Override
    public void terminate(Duration grace) {
        agent.stop();
        Thread t = runner;
        if (t != null) {
            try {
                t.join(Math.min(grace.toMillis(), MAX_WAIT.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void kill() {
        throw new UnsupportedOperationException("an agent on a thread cannot be killed: let the kubelet run agents as processes");
    }
}
